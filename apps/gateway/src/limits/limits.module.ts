import { Module } from '@nestjs/common';
import { ProxyModule } from '../proxy/proxy.module';
import { RedisConnection } from '../redis/redis-connection';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { RATE_LIMITER, RateLimitCheck } from './rate-limit.check';
import { type RateLimiter } from './rate-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';

/** Rate limits per key, team and model, as an admission check; shared through Redis when one is configured. */
@Module({
  imports: [ProxyModule],
  providers: [
    {
      provide: RATE_LIMITER,
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection): RateLimiter => (redis.client ? new RedisRateLimiter(redis.client) : new MemoryRateLimiter()),
    },
    RateLimitCheck,
  ],
  exports: [RATE_LIMITER, RateLimitCheck],
})
export class LimitsModule {}
