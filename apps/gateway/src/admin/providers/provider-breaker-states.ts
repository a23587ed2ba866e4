import { Injectable } from '@nestjs/common';

/** Reads a provider's circuit-breaker state (`closed`, `open`, `half_open`), or undefined when it has none. */
export type BreakerStateReader = (provider: string) => string | undefined;

/**
 * Where the routing layer, which owns the circuit breakers, tells the admin API how to read their state.
 * Until something registers, providers are listed with `breaker: null`.
 */
@Injectable()
export class ProviderBreakerStates {
  private reader?: BreakerStateReader;

  register(reader: BreakerStateReader): void {
    this.reader = reader;
  }

  stateOf(provider: string): string | null {
    return this.reader?.(provider) ?? null;
  }
}
