import { Global, Module } from '@nestjs/common';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { RedisConnection } from '../redis/redis-connection';
import { MemoryResponsesStore } from './memory-responses-store';
import { RedisResponsesStore } from './redis-responses-store';
import { type ResponsesStore } from './responses-store';
import { RESPONSES_STORE } from './responses-store.token';
import { ResponsesConversation } from './responses-conversation';
import { StoredResponses } from './stored-responses';

/**
 * The Responses store: in Redis when `storage.redis` is set (shared by every gateway process), else in this
 * process's memory (`responses.max_items`, least recently used evicted); records expire after `responses.ttl`.
 * Global, so that the proxy and the Responses endpoints inject ResponsesConversation and StoredResponses directly.
 */
@Global()
@Module({
  providers: [
    {
      provide: RESPONSES_STORE,
      useFactory: (config: GatehouseConfig, redis: RedisConnection): ResponsesStore =>
        redis.client ? new RedisResponsesStore(redis.client) : new MemoryResponsesStore({ maxItems: config.responses.max_items }),
      inject: [GATEHOUSE_CONFIG, RedisConnection],
    },
    ResponsesConversation,
    StoredResponses,
  ],
  exports: [RESPONSES_STORE, ResponsesConversation, StoredResponses],
})
export class ResponsesStoreModule {}
