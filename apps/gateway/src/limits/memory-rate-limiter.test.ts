import { describe } from 'vitest';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { rateLimiterSuite } from './rate-limiter.suite';

describe('MemoryRateLimiter', () => {
  rateLimiterSuite(() => new MemoryRateLimiter());
});
