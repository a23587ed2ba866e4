import { type DecodedRequest, type RequestEncodeOptions, type Dialect, GatewayError, dialectCodecs } from '@gatehouse/translate';
import { type ConfiguredProvider } from '../providers/configured-providers';
import { type InboundRequest } from './inbound-request';
import { type ProxiedAnswer } from './proxied-answer';
import { readText } from './read-body';
import { ResponseDetailsRecorder } from '../observability/response-details-recorder';
import { translationContextFor } from './translation-context-factory';
import { TranslatingStream } from './translating-stream';

export interface TranslatedCall {
  clientDialect: Dialect;
  targetDialect: Dialect;
  inbound: InboundRequest;
  /** The model name the client sent; translated responses carry it back. */
  requestModel: string;
  upstreamModel: string;
  provider: ConfiguredProvider;
  encodeOptions: RequestEncodeOptions;
  clientHeaders: Readonly<Record<string, string | string[] | undefined>>;
  signal: AbortSignal;
  /** The attempt's trace context (traceparent) to send upstream; absent when tracing is off. */
  traceHeaders?: Readonly<Record<string, string>>;
  /** The client's request already decoded (the Responses API prepends a stored conversation); else decoded here. */
  decoded?: DecodedRequest;
}

/** A call between dialects: client request → canonical → target request, and the answer back the same way. */
export async function sendTranslated(call: TranslatedCall): Promise<ProxiedAnswer> {
  const clientCodec = dialectCodecs[call.clientDialect];
  const targetCodec = dialectCodecs[call.targetDialect];
  if (!clientCodec || !targetCodec) {
    throw new GatewayError('invalid_request', `Translation from ${call.clientDialect} to ${call.targetDialect} is not supported`, { status: 501 });
  }
  const ctx = translationContextFor(call.requestModel);
  const decoded = call.decoded ?? clientCodec.decodeRequest(call.inbound.json, ctx);
  const encoded = targetCodec.encodeRequest({ ...decoded.value, model: call.upstreamModel }, call.encodeOptions);
  const warnings = [...decoded.warnings, ...encoded.warnings];
  const beta = call.clientHeaders['anthropic-beta'];
  if (beta && call.targetDialect !== 'anthropic-messages') warnings.push(`dropped anthropic-beta "${String(beta)}": no counterpart on ${call.targetDialect} targets`);

  const { provider } = call;
  const prepared = provider.adapter.prepare(provider.settings, {
    operation: 'generate',
    dialect: call.targetDialect,
    body: JSON.stringify(encoded.value),
    clientHeaders: call.clientHeaders,
  });
  if (call.traceHeaders) Object.assign(prepared.headers, call.traceHeaders);
  const response = await provider.pool.send(prepared, call.signal);
  if (response.status >= 400) {
    throw provider.adapter.mapError(response.status, await readText(response.body).catch(() => ''), response.headers);
  }

  if (!call.inbound.stream) {
    let upstreamJson: unknown;
    try {
      upstreamJson = JSON.parse(await readText(response.body));
    } catch (error) {
      throw provider.pool.toGatewayError(error instanceof SyntaxError ? new Error('the upstream answered with invalid JSON') : error);
    }
    const canonical = targetCodec.decodeResponse(upstreamJson);
    const clientResponse = clientCodec.encodeResponse(canonical, ctx, call.inbound.json) as Record<string, unknown>;
    const body = JSON.stringify(clientResponse);
    return {
      completedResponse: () => ({ clientResponse, canonical }),
      status: 200,
      contentType: 'application/json',
      body,
      committed: Promise.resolve(),
      warnings,
      usage: () => canonical.usage,
      details: () => ({ id: canonical.id, model: canonical.model, finishReasons: [canonical.rawStopReason ?? canonical.stopReason] }),
    };
  }

  const decoder = new ResponseDetailsRecorder(targetCodec.streamDecoder(ctx));
  const encoder = clientCodec.streamEncoder(ctx, { includeUsage: decoded.includeUsage, clientRequest: call.inbound.json });
  const stream = new TranslatingStream(decoder, encoder);
  response.body.on('error', (error) => {
    if (call.signal.aborted) stream.destroy();
    else stream.fail(provider.pool.toGatewayError(error));
  });
  stream.once('close', () => response.body.destroy());
  response.body.pipe(stream);
  return {
    status: 200,
    contentType: 'text/event-stream; charset=utf-8',
    body: stream,
    committed: stream.committed,
    warnings,
    usage: () => stream.usage,
    details: () => decoder.details,
    lateFailure: () => stream.lateFailure,
    completedResponse: () => {
      const completed = encoder.completedResponse?.();
      return completed && { clientResponse: completed.clientResponse as Record<string, unknown>, canonical: completed.canonical };
    },
  };
}
