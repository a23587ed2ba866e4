import { acquireBreaker, type BreakerPolicy, type BreakerResult, type BreakerState, closedBreaker, recordBreaker } from '@gatehouse/routing';
import { type BreakerStore } from './breaker-store';

/** Breaker state in this process only (no Redis configured, or while Redis is unreachable). */
export class MemoryBreakerStore implements BreakerStore {
  private readonly states = new Map<string, BreakerState>();

  constructor(private readonly policy: BreakerPolicy) {}

  async acquire(target: string, now: number): Promise<{ granted: boolean; state: BreakerState }> {
    const result = acquireBreaker(this.stateOf(target, now), this.policy, now);
    this.states.set(target, result.state);
    return result;
  }

  async record(target: string, result: BreakerResult, now: number): Promise<BreakerState> {
    const state = recordBreaker(this.stateOf(target, now), this.policy, result, now);
    this.states.set(target, state);
    return state;
  }

  async read(target: string, now: number): Promise<BreakerState> {
    return this.stateOf(target, now);
  }

  private stateOf(target: string, now: number): BreakerState {
    return this.states.get(target) ?? closedBreaker(now);
  }
}
