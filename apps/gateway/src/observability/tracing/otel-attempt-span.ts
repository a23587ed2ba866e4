import { type Attributes, type Span, SpanStatusCode } from '@opentelemetry/api';
import { isGatewayError } from '@gatehouse/translate';
import { type RequestOutcome } from '../request-outcome';
import { type AttemptSpan } from './request-span';
import { addResponseAttributes, errorTypeOf } from './span-attributes';

/** One upstream attempt's CLIENT span, ended as failed by the proxy or with the request's outcome. */
export class OtelAttemptSpan implements AttemptSpan {
  private ended = false;

  constructor(
    private readonly span: Span,
    readonly headers: Readonly<Record<string, string>>,
    /** performance.now() when the attempt started. */
    readonly startedAt: number,
  ) {}

  get open(): boolean {
    return !this.ended;
  }

  failed(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    const errorType = errorTypeOf(error);
    const attributes: Attributes = { 'error.type': errorType };
    if (isGatewayError(error) && error.upstreamStatus !== undefined) attributes['http.response.status_code'] = error.upstreamStatus;
    this.span.setAttributes(attributes);
    // The error type only: upstream messages are not copied, as they may quote what the client sent.
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
    this.span.end();
  }

  /** Ends the attempt that answered, with what the request learnt; `firstChunkMs` is from the request's start. */
  finish(outcome: RequestOutcome, requestStartedAt: number): void {
    if (this.ended) return;
    this.ended = true;
    const attributes: Attributes = {};
    addResponseAttributes(attributes, outcome);
    if (outcome.stream && outcome.ttftMs !== undefined) {
      attributes['gen_ai.response.time_to_first_chunk'] = Math.max(0, outcome.ttftMs - (this.startedAt - requestStartedAt)) / 1000;
    }
    if (outcome.errorCode !== undefined) {
      attributes['error.type'] = outcome.errorCode;
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.errorCode });
    }
    if (outcome.aborted) attributes['gatehouse.client_aborted'] = true;
    this.span.setAttributes(attributes);
    this.span.end();
  }
}
