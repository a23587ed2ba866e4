import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type DestinationStream, type Logger, pino } from 'pino';
import { type GatehouseConfig } from '../../config';
import { GATEHOUSE_CONFIG } from '../../config/config.token';
import { ConfigLabels } from '../config-labels';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from '../observability-options';
import { type RequestObserver, type RequestOutcome } from '../request-outcome';
import { RequestObservers } from '../request-observers';
import { accessLogLine } from './access-log-line';
import { BatchedFdWriter } from './batched-fd-writer';

/** Lines are written to stdout in batches of about 64 KB, at least every quarter second; 64 MB waiting is the bound. */
const STDOUT_BATCHING = { flushBytes: 64 * 1024, flushEveryMs: 250, maxWaitingBytes: 64 * 1024 * 1024 };

/**
 * One JSON line per finished /v1 request (pino), written to stdout asynchronously in batches, and the rest when the
 * application shuts down. `telemetry.access_log: false` turns it off.
 */
@Injectable()
export class AccessLog implements RequestObserver, OnApplicationShutdown {
  private readonly logger?: Logger;
  private readonly stdout?: BatchedFdWriter;

  constructor(
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
    @Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions,
    @Inject(ConfigLabels) private readonly labels: ConfigLabels,
    @Inject(RequestObservers) observers: RequestObservers,
  ) {
    if (!config.telemetry.access_log) return;
    let destination: DestinationStream | undefined = options.accessLogDestination;
    if (!destination) {
      this.stdout = new BatchedFdWriter(1, STDOUT_BATCHING);
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

  async onApplicationShutdown(): Promise<void> {
    await this.stdout?.end();
  }
}
