import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';

/**
 * The one Redis connection of the process, when `storage.redis` is set (limits, breaker state, the Responses store).
 * Commands fail fast while Redis is down instead of queueing, so callers can apply their own policy.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client?: Redis;
  private readonly logger = new Logger('Redis');

  constructor(@Inject(GATEHOUSE_CONFIG) config: GatehouseConfig) {
    const url = config.storage.redis;
    if (!url) return;
    this.client = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  /** Resolves once connected (or rejects after `timeoutMs`), for start-up and readiness. */
  async ready(timeoutMs = 2000): Promise<void> {
    const client = this.client;
    if (!client || client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Redis is not reachable')), timeoutMs);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}
