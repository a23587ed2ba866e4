import { type ProviderSettings } from '@gatehouse/providers';
import { type RequestOutcome } from '../request-outcome';

/** The provider fields an attempt span needs (ConfiguredProvider.settings fits). */
export type AttemptProvider = Pick<ProviderSettings, 'name' | 'type' | 'baseUrl'>;

/** One upstream attempt's CLIENT span. */
export interface AttemptSpan {
  /**
   * The W3C trace context of this attempt (`traceparent`, and `tracestate` when the client sent one), to add to the
   * upstream request's headers; undefined when tracing is off, so the caller can skip the work.
   */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Ends the attempt as failed (before its answer reached the client): a retry or a fallback may follow. */
  failed(error: unknown): void;
}

/**
 * One /v1 request's SERVER span. The proxy opens an attempt for each upstream call; the attempt still open when the
 * request ends is the one that answered, and ends with the request's usage and response details.
 */
export interface RequestSpan {
  startAttempt(provider: AttemptProvider, upstreamModel: string): AttemptSpan;
  /** Called once by the RequestTracker when the response has ended. */
  end(outcome: RequestOutcome): void;
}

/** What tracing hands out when it is off: shared, stateless, nothing allocated per request. */
export const NO_ATTEMPT_SPAN: AttemptSpan = {
  headers: undefined,
  failed() {},
};

export const NO_REQUEST_SPAN: RequestSpan = {
  startAttempt: () => NO_ATTEMPT_SPAN,
  end() {},
};
