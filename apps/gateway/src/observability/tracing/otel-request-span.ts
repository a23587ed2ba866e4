import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  defaultTextMapGetter,
  trace,
} from '@opentelemetry/api';
import { type FastifyRequest } from 'fastify';
import { type ConfigLabels, serverEndpointOf } from '../config-labels';
import { genAiOperationOf } from '../genai-operation';
import { type ClientEndpoint, type RequestOutcome } from '../request-outcome';
import { pathOf } from '../url-path';
import { genAiInputOf } from './genai-content';
import { UNSET_STATUS } from './finished-span';
import { OtelAttemptSpan } from './otel-attempt-span';
import { type AttemptProvider, type AttemptSpan, type RequestSpan } from './request-span';
import { traceHeadersOf } from './trace-headers';
import { addRequestParameters, addResponseAttributes } from './span-attributes';
import { type Telemetry } from './telemetry';

/** What every request span shares: the SDK, the config's labels, and whether prompts may be recorded. */
export interface TracingSetup {
  telemetry: Telemetry;
  labels: ConfigLabels;
  captureContent: boolean;
}

/**
 * The SERVER span of one /v1 request, following the GenAI conventions (`{gen_ai.operation.name} {gen_ai.request.model}`),
 * continuing the client's W3C trace context, with a CLIENT child per upstream attempt. Its attributes are written
 * when it ends, from the request's outcome.
 */
export class OtelRequestSpan implements RequestSpan {
  private readonly context: SpanContext;
  private readonly parent: SpanContext | undefined;
  private readonly operation: string;
  private readonly startedAt = performance.now();
  private attempt?: OtelAttemptSpan;
  /** What every attempt of a trace the sampler left out carries upstream; made at the first attempt. */
  private unrecordedAttempt?: AttemptSpan;
  private attempts = 0;

  constructor(
    private readonly setup: TracingSetup,
    private readonly request: FastifyRequest,
    private readonly endpoint: ClientEndpoint,
    /** The outcome being filled in by the proxy: attempts read the request's model and parameters from it. */
    private readonly outcome: Partial<RequestOutcome>,
  ) {
    const { spans, propagator } = setup.telemetry;
    // Without a traceparent there is nothing to extract (tracestate alone is ignored, as the propagator would).
    const parent: Context = request.headers.traceparent === undefined ? ROOT_CONTEXT : propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
    this.parent = trace.getSpanContext(parent);
    this.operation = genAiOperationOf[endpoint];
    this.context = spans.startTrace(parent, this.parent, this.operation, SpanKind.SERVER);
    outcome.traceId = this.context.traceId;
  }

  private get recorded(): boolean {
    return (this.context.traceFlags & TraceFlags.SAMPLED) !== 0;
  }

  startAttempt(provider: AttemptProvider, upstreamModel: string): AttemptSpan {
    // A trace the sampler left out still goes upstream, flagged unsampled, so the next service makes the same decision.
    // No CLIENT span is made for it: nothing of it is recorded, so the upstream's parent is the SERVER span itself.
    if (!this.recorded) return (this.unrecordedAttempt ??= { headers: traceHeadersOf(this.context), failed() {} });
    // An attempt still open here failed without saying so (a retry or fallback follows).
    this.attempt?.failed(undefined);
    ++this.attempts;
    const { spans } = this.setup.telemetry;
    this.attempt = new OtelAttemptSpan(spans, `${this.operation} ${upstreamModel}`, spans.childOf(this.context), this.context, this.attemptAttributes(provider, upstreamModel));
    return this.attempt;
  }

  private attemptAttributes(provider: AttemptProvider, upstreamModel: string): Attributes {
    const attributes: Attributes = {
      'gen_ai.operation.name': this.operation,
      'gen_ai.provider.name': provider.type,
      'gen_ai.request.model': upstreamModel,
      'gatehouse.provider': provider.name,
      'gatehouse.attempt': this.attempts,
    };
    const server = this.setup.labels.serverOf(provider.name) ?? serverEndpointOf(provider.baseUrl);
    if (server) {
      attributes['server.address'] = server.address;
      attributes['server.port'] = server.port;
    }
    addRequestParameters(attributes, this.outcome);
    return attributes;
  }

  end(outcome: RequestOutcome): void {
    if (!this.recorded) return;
    if (this.attempt?.open) this.attempt.finish(outcome, this.startedAt);
    const { principal } = outcome;
    const { request } = this;
    const attributes: Attributes = {
      'gen_ai.operation.name': this.operation,
      'http.request.method': request.method,
      'http.route': request.routeOptions.url ?? '',
      'url.path': pathOf(request.url),
      'gatehouse.endpoint': this.endpoint,
      'gatehouse.request_id': request.id,
      'http.response.status_code': outcome.status,
      'gatehouse.attempts': outcome.attempts,
    };
    if (outcome.requestedModel !== undefined) attributes['gen_ai.request.model'] = outcome.requestedModel;
    if (outcome.provider !== undefined) {
      attributes['gen_ai.provider.name'] = this.setup.labels.providerTypeOf(outcome.provider);
      attributes['gatehouse.provider'] = outcome.provider;
    }
    if (outcome.routedModel !== undefined) attributes['gatehouse.model'] = outcome.routedModel;
    if (outcome.decision !== undefined) attributes['gatehouse.decision'] = outcome.decision;
    if (principal !== undefined) {
      attributes['gatehouse.key.name'] = principal.keyName;
      if (principal.team !== undefined) attributes['gatehouse.team'] = principal.team;
    }
    addRequestParameters(attributes, outcome);
    if (outcome.attempts > 0) addResponseAttributes(attributes, outcome);
    if (outcome.stream && outcome.ttftMs !== undefined) attributes['gen_ai.response.time_to_first_chunk'] = outcome.ttftMs / 1000;
    if (outcome.aborted) attributes['gatehouse.client_aborted'] = true;
    if (outcome.errorCode !== undefined) attributes['error.type'] = outcome.errorCode;
    if (this.setup.captureContent) this.addContent(attributes);
    this.setup.telemetry.spans.end({
      name: outcome.requestedModel === undefined ? this.operation : `${this.operation} ${outcome.requestedModel}`,
      kind: SpanKind.SERVER,
      context: this.context,
      parent: this.parent,
      startedAt: this.startedAt,
      endedAt: performance.now(),
      attributes,
      status: outcome.errorCode === undefined ? UNSET_STATUS : { code: SpanStatusCode.ERROR, message: outcome.errorCode },
    });
  }

  /** The prompt, as JSON strings (the conventions allow that on spans); only with telemetry.capture_content. */
  private addContent(attributes: Attributes): void {
    const input = genAiInputOf(this.endpoint, this.request.body);
    if (input === undefined) return;
    attributes['gen_ai.input.messages'] = JSON.stringify(input.messages);
    if (input.systemInstructions.length > 0) attributes['gen_ai.system_instructions'] = JSON.stringify(input.systemInstructions);
  }
}
