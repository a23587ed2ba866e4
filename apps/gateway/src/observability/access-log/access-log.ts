import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type DestinationStream, type Logger, pino } from 'pino';
import { type GatehouseConfig } from '../../config';
import { GATEHOUSE_CONFIG } from '../../config/config.token';
import { ConfigLabels } from '../config-labels';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { type RequestObserver, type RequestOutcome } from '../request-outcome';
import { RequestObservers } from '../request-observers';
import { accessLogLine } from './access-log-line';

/** Bytes gathered before a write to stdout, and the longest a line waits when traffic is light. */
const BUFFER_BYTES = 4096;
const FLUSH_EVERY_MS = 1000;

/**
 * One JSON line per finished /v1 request (pino), written to stdout asynchronously through a buffer that is flushed
 * every second and when the application shuts down. `telemetry.access_log: false` turns it off.
 */
@Injectable()
export class AccessLog implements RequestObserver, OnApplicationShutdown {
  private readonly logger?: Logger;
  private readonly stdout?: ReturnType<typeof pino.destination>;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions,
    @Inject(ConfigLabels) private readonly labels: ConfigLabels,
    @Inject(RequestObservers) observers: RequestObservers,
  ) {
    if (!config.telemetry.access_log) return;
    let destination: DestinationStream | undefined = options.accessLogDestination;
    if (!destination) {
      this.stdout = pino.destination({ dest: 1, sync: false, minLength: BUFFER_BYTES, periodicFlush: FLUSH_EVERY_MS });
      destination = this.stdout;
    }
    this.logger = pino(
      {
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    );
    observers.register(this);
  }

  requestCompleted(outcome: RequestOutcome): void {
    this.logger?.info(accessLogLine(outcome, this.labels), 'request');
  }

  onApplicationShutdown(): void {
    try {
      this.stdout?.flushSync();
    } catch {
      // Not open yet, or already closed: nothing is buffered then.
    }
  }
}
