import { Injectable, Logger } from '@nestjs/common';
import { type ClientEndpoint, type RequestObserver, type RequestOutcome } from './request-outcome';

/** Where feature modules register to hear about finished requests (usage records, metrics, access log, limits). */
@Injectable()
export class RequestObservers {
  private readonly observers: RequestObserver[] = [];
  private readonly startObservers: RequestObserver[] = [];
  private readonly logger = new Logger('RequestObservers');

  register(observer: RequestObserver): void {
    this.observers.push(observer);
    if (observer.requestStarted) this.startObservers.push(observer);
  }

  started(endpoint: ClientEndpoint): void {
    for (const observer of this.startObservers) {
      try {
        observer.requestStarted?.(endpoint);
      } catch (error) {
        this.logger.error(`a request observer failed: ${String(error)}`);
      }
    }
  }

  completed(outcome: RequestOutcome): void {
    for (const observer of this.observers) {
      try {
        observer.requestCompleted(outcome);
      } catch (error) {
        this.logger.error(`a request observer failed: ${String(error)}`);
      }
    }
  }
}
