import { type BreakerResult, type BreakerState } from '@gatehouse/routing';

/**
 * Where the circuit-breaker state of each target lives: in this process, or in Redis so that every replica sees
 * one circuit per target. Each call applies the state machine of libs/routing atomically and returns the new state.
 * Time is passed in (milliseconds since the epoch, the same clock on every replica).
 */
export interface BreakerStore {
  /** Claims an attempt on the target: granted while closed, and to one probe after the cool-down. */
  acquire(target: string, now: number): Promise<{ granted: boolean; state: BreakerState }>;
  record(target: string, result: BreakerResult, now: number): Promise<BreakerState>;
  read(target: string, now: number): Promise<BreakerState>;
}
