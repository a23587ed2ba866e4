import { Readable } from 'node:stream';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Dialect, type GatewayError, type TokenUsage, emptyUsage } from '@gatehouse/translate';
import { type ClientEndpoint, type RequestOutcome, type ResponseDetails } from '../observability/request-outcome';
import { type RequestObservers } from '../observability/request-observers';
import { NO_REQUEST_SPAN, type RequestSpan } from '../observability/tracing/request-span';
import { type Admission } from './admission-checks';

/**
 * Collects what one /v1 request did as it goes, and hands the outcome to the observers once the response has ended
 * (finished or cut off by the client). Timing starts when the tracker is made.
 */
export class RequestTracker {
  private readonly started = performance.now();
  private readonly startedAt = new Date();
  private firstByteAt?: number;
  private usage: () => TokenUsage = emptyUsage;
  private details?: () => ResponseDetails | undefined;
  private lateFailure?: () => GatewayError | undefined;
  private error?: GatewayError;
  readonly outcome: Partial<RequestOutcome> = { attempts: 0, stream: false };
  /** The gates this request passed; each is settled with the outcome when the request ends. */
  readonly admissions: Admission[] = [];
  /** The request's SERVER span (a shared no-op when tracing is off); ended with the outcome. */
  span: RequestSpan = NO_REQUEST_SPAN;

  constructor(
    private readonly request: FastifyRequest,
    reply: FastifyReply,
    private readonly endpoint: ClientEndpoint,
    private readonly clientDialect: Dialect,
    private readonly observers: RequestObservers,
  ) {
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
    const outcome: RequestOutcome = {
      ...this.outcome,
      requestId: this.request.id,
      startedAt: this.startedAt,
      endpoint: this.endpoint,
      clientDialect: this.clientDialect,
      principal: this.request.principal,
      status: reply.statusCode,
      errorCode: (this.error ?? this.lateFailure?.())?.code,
      aborted: !reply.raw.writableFinished,
      usage: this.usage(),
      latencyMs: performance.now() - this.started,
      ttftMs: this.firstByteAt === undefined ? undefined : this.firstByteAt - this.started,
      attempts: this.outcome.attempts ?? 0,
      stream: this.outcome.stream ?? false,
      method: this.request.method,
      path: pathOf(this.request.url),
      response: this.details?.() ?? this.outcome.response,
    };
    for (const admission of this.admissions) admission.settle?.(outcome);
    this.observers.completed(outcome);
    this.span.end(outcome);
  }
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
