import { type BreakerPolicy, type BreakerResult, type BreakerState, type BreakerStatus } from '@gatehouse/routing';
import { type Redis } from 'ioredis';
import { BREAKER_LUA } from './breaker-lua';
import { type BreakerStore } from './breaker-store';

type BreakerReply = [number, BreakerStatus, ...string[]];

interface BreakerCommand {
  gatehouseBreaker(key: string, ...args: (string | number)[]): Promise<BreakerReply>;
}

/** Breaker state in Redis, one hash per target under `gatehouse:cb:`, changed by one script call per operation. */
export class RedisBreakerStore implements BreakerStore {
  private readonly client: Redis & BreakerCommand;
  private readonly policyArguments: number[];

  constructor(
    client: Redis,
    policy: BreakerPolicy,
    private readonly prefix = 'gatehouse:cb:',
  ) {
    // defineCommand runs the script by its SHA, loading it when Redis does not know it yet.
    client.defineCommand('gatehouseBreaker', { numberOfKeys: 1, lua: BREAKER_LUA });
    this.client = client as Redis & BreakerCommand;
    this.policyArguments = [
      policy.consecutiveFailures,
      policy.errorRate,
      policy.minimumRequests,
      policy.windowMs,
      policy.cooldownMs,
      policy.probeTimeoutMs,
    ];
  }

  async acquire(target: string, now: number): Promise<{ granted: boolean; state: BreakerState }> {
    const reply = await this.run(target, 'acquire', now);
    return { granted: reply[0] === 1, state: stateOf(reply) };
  }

  async record(target: string, result: BreakerResult, now: number): Promise<BreakerState> {
    return stateOf(await this.run(target, result, now));
  }

  async read(target: string, now: number): Promise<BreakerState> {
    return stateOf(await this.run(target, 'read', now));
  }

  private run(target: string, op: string, now: number): Promise<BreakerReply> {
    return this.client.gatehouseBreaker(`${this.prefix}${target}`, op, now, ...this.policyArguments);
  }
}

function stateOf(reply: BreakerReply): BreakerState {
  const [, status, consecutive, openedAt, probeUntil, windowStart, requests, failures, previousRequests, previousFailures] = reply;
  return {
    status,
    consecutiveFailures: Number(consecutive),
    openedAt: Number(openedAt),
    probeUntil: Number(probeUntil),
    windowStart: Number(windowStart),
    requests: Number(requests),
    failures: Number(failures),
    previousRequests: Number(previousRequests),
    previousFailures: Number(previousFailures),
  };
}
