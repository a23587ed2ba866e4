import { type Attributes, type SpanContext, SpanKind, type SpanStatus, SpanStatusCode } from '@opentelemetry/api';
import { isGatewayError } from '@gatehouse/translate';
import { type RequestOutcome } from '../request-outcome';
import { UNSET_STATUS } from './finished-span';
import { type AttemptSpan } from './request-span';
import { addResponseAttributes, errorTypeOf } from './span-attributes';
import { type SpanRecorder } from './span-recorder';
import { traceHeadersOf } from './trace-headers';

/** One upstream attempt's CLIENT span, ended as failed by the proxy or with the request's outcome. */
export class OtelAttemptSpan implements AttemptSpan {
  readonly headers: Readonly<Record<string, string>>;
  /** performance.now() when the attempt started. */
  readonly startedAt = performance.now();
  private ended = false;

  constructor(
    private readonly recorder: SpanRecorder,
    private readonly name: string,
    private readonly context: SpanContext,
    private readonly parent: SpanContext,
    /** The attributes known when the attempt started; what it learns is added to them when it ends. */
    private readonly attributes: Attributes,
  ) {
    this.headers = traceHeadersOf(context);
  }

  get open(): boolean {
    return !this.ended;
  }

  failed(error: unknown): void {
    if (this.ended) return;
    const errorType = errorTypeOf(error);
    this.attributes['error.type'] = errorType;
    if (isGatewayError(error) && error.upstreamStatus !== undefined) this.attributes['http.response.status_code'] = error.upstreamStatus;
    // The error type only: upstream messages are not copied, as they may quote what the client sent.
    this.end({ code: SpanStatusCode.ERROR, message: errorType });
  }

  /** Ends the attempt that answered, with what the request learnt; `requestStartedAt` is the request's start. */
  finish(outcome: RequestOutcome, requestStartedAt: number): void {
    if (this.ended) return;
    const { attributes } = this;
    addResponseAttributes(attributes, outcome);
    if (outcome.stream && outcome.ttftMs !== undefined) {
      attributes['gen_ai.response.time_to_first_chunk'] = Math.max(0, outcome.ttftMs - (this.startedAt - requestStartedAt)) / 1000;
    }
    if (outcome.errorCode !== undefined) attributes['error.type'] = outcome.errorCode;
    if (outcome.aborted) attributes['gatehouse.client_aborted'] = true;
    this.end(outcome.errorCode === undefined ? UNSET_STATUS : { code: SpanStatusCode.ERROR, message: outcome.errorCode });
  }

  private end(status: SpanStatus): void {
    this.ended = true;
    this.recorder.end({
      name: this.name,
      kind: SpanKind.CLIENT,
      context: this.context,
      parent: this.parent,
      startedAt: this.startedAt,
      endedAt: performance.now(),
      attributes: this.attributes,
      status,
    });
  }
}
