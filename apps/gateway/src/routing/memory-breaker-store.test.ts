import { describe } from 'vitest';
import { breakerStoreSuite, SUITE_POLICY } from './breaker-store.suite';
import { MemoryBreakerStore } from './memory-breaker-store';

describe('MemoryBreakerStore', () => {
  breakerStoreSuite(() => new MemoryBreakerStore(SUITE_POLICY));
});
