import { Readable } from 'node:stream';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Dialect, type GatewayError, type TokenUsage, emptyUsage } from '@gatehouse/translate';
import { type ClientEndpoint, type RequestOutcome, type ResponseDetails } from '../observability/request-outcome';
import { type RequestObservers } from '../observability/request-observers';
import { pathOf } from '../observability/url-path';
import { NO_REQUEST_SPAN, type RequestSpan } from '../observability/tracing/request-span';
import { type Admission } from './admission-checks';

/**
 * Collects what one /v1 request did as it goes, and hands the outcome to the observers once the response has ended
 * (finished or cut off by the client). Timing starts when the tracker is made.
 */
export class RequestTracker {
  private readonly started = performance.now();
  private firstByteAt?: number;
  private usage: () => TokenUsage = emptyUsage;
  private details?: () => ResponseDetails | undefined;
  private lateFailure?: () => GatewayError | undefined;
  private error?: GatewayError;
  /**
   * Filled in as the request goes and completed when it ends. Every field exists from the start, so that all
   * outcomes share one object shape (a spread copy at the end made a dictionary-mode object per request).
   */
  readonly outcome: RequestOutcome;
  /** The gates this request passed; each is settled with the outcome when the request ends. */
  readonly admissions: Admission[] = [];
  /** The request's SERVER span (a shared no-op when tracing is off); ended with the outcome. */
  span: RequestSpan = NO_REQUEST_SPAN;

  constructor(
    private readonly request: FastifyRequest,
    reply: FastifyReply,
    endpoint: ClientEndpoint,
    clientDialect: Dialect,
    private readonly observers: RequestObservers,
  ) {
    this.outcome = {
      requestId: request.id,
      startedAt: new Date(),
      endpoint,
      clientDialect,
      principal: undefined,
      requestedModel: undefined,
      routedModel: undefined,
      upstreamModel: undefined,
      provider: undefined,
      decision: undefined,
      status: 0,
      errorCode: undefined,
      stream: false,
      aborted: false,
      usage: NO_USAGE,
      latencyMs: 0,
      ttftMs: undefined,
      attempts: 0,
      method: request.method,
      path: undefined,
      parameters: undefined,
      response: undefined,
      traceId: undefined,
    };
    reply.raw.once('close', () => this.complete(reply));
    observers.started(endpoint);
  }

  /** Marks the time the first body byte leaves, and where the final usage, details and a late failure come from. */
  watch(answer: { body: Readable | string | Buffer; usage(): TokenUsage; details?(): ResponseDetails | undefined; lateFailure?(): GatewayError | undefined }): void {
    const { body } = answer;
    this.usage = () => answer.usage();
    this.details = answer.details && (() => answer.details?.());
    this.lateFailure = answer.lateFailure && (() => answer.lateFailure?.());
    if (body instanceof Readable) body.once('data', () => (this.firstByteAt = performance.now()));
    else this.firstByteAt = performance.now();
  }

  failed(error: GatewayError): void {
    this.error = error;
  }

  private complete(reply: FastifyReply): void {
    const { outcome } = this;
    outcome.principal = this.request.principal;
    outcome.status = reply.statusCode;
    outcome.errorCode = (this.error ?? this.lateFailure?.())?.code;
    outcome.aborted = !reply.raw.writableFinished;
    outcome.usage = this.usage();
    outcome.latencyMs = performance.now() - this.started;
    outcome.ttftMs = this.firstByteAt === undefined ? undefined : this.firstByteAt - this.started;
    outcome.path = pathOf(this.request.url);
    outcome.response = this.details?.() ?? outcome.response;
    for (const admission of this.admissions) admission.settle?.(outcome);
    this.observers.completed(outcome);
    this.span.end(outcome);
  }
}

const NO_USAGE: TokenUsage = Object.freeze(emptyUsage());
