import { Injectable, Logger } from '@nestjs/common';
import { type RequestObserver, type RequestOutcome } from './request-outcome';

/** Where feature modules register to hear about finished requests (usage records, metrics, access log, limits). */
@Injectable()
export class RequestObservers {
  private readonly observers: RequestObserver[] = [];
  private readonly logger = new Logger('RequestObservers');

  register(observer: RequestObserver): void {
    this.observers.push(observer);
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
