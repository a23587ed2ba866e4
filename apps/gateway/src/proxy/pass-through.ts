import { type UpstreamOperation, type UpstreamResponse } from '@gatehouse/providers';
import { type Dialect, streamErrorFrame } from '@gatehouse/translate';
import { type ConfiguredProvider } from '../providers/configured-providers';
import { type InboundRequest } from './inbound-request';
import { spliceModel } from './model-splice';
import { type ProxiedAnswer } from './proxied-answer';
import { readBody, readText } from './read-body';
import { UsageTap, readJsonAnswer } from './usage-tap';

export interface PassThroughCall {
  dialect: Dialect;
  operation: UpstreamOperation;
  inbound: InboundRequest;
  upstreamModel: string;
  provider: ConfiguredProvider;
  clientHeaders: Readonly<Record<string, string | string[] | undefined>>;
  query?: string;
  signal: AbortSignal;
  /** The attempt's trace context (traceparent) to send upstream; absent when tracing is off. */
  traceHeaders?: Readonly<Record<string, string>>;
}

/**
 * A same-dialect call: the client's bytes go upstream with only the model and the credentials changed, and the
 * upstream bytes come back untouched while a tap reads the usage. An upstream error status is thrown as a
 * GatewayError before anything reaches the client.
 */
export async function sendPassThrough(call: PassThroughCall): Promise<ProxiedAnswer> {
  const { provider } = call;
  const prepared = provider.adapter.prepare(provider.settings, {
    operation: call.operation,
    dialect: call.dialect,
    body: spliceModel(call.inbound.raw, call.inbound.model, call.upstreamModel),
    clientHeaders: call.clientHeaders,
    query: call.query,
  });
  if (call.traceHeaders) Object.assign(prepared.headers, call.traceHeaders);
  const response = await provider.pool.send(prepared, call.signal);
  if (response.status >= 400) {
    throw provider.adapter.mapError(response.status, await readText(response.body).catch(() => ''), response.headers);
  }
  if (!call.inbound.stream) return jsonAnswer(call, response);
  const tap = new UsageTap(call.dialect, true);
  response.body.on('error', (error) => {
    if (call.signal.aborted) return tap.destroy();
    const gatewayError = provider.pool.toGatewayError(error);
    if (tap.failEarly(gatewayError)) return tap.destroy();
    tap.lateFailure = gatewayError;
    tap.end(streamErrorFrame(call.dialect, gatewayError));
  });
  tap.once('close', () => response.body.destroy());
  response.body.pipe(tap);
  const contentType = response.headers['content-type'];
  return {
    status: response.status,
    contentType: typeof contentType === 'string' ? contentType : 'application/json',
    body: tap,
    committed: tap.committed,
    warnings: [],
    usage: () => tap.usage,
    details: () => tap.details,
    lateFailure: () => tap.lateFailure,
    completedResponse: () => (tap.completedResponse ? { clientResponse: tap.completedResponse } : undefined),
  };
}

/**
 * A JSON answer is read whole and sent as one buffer: one write with a content-length instead of a stream of pieces,
 * and usage read from its bytes without parsing the body.
 */
async function jsonAnswer(call: PassThroughCall, response: UpstreamResponse): Promise<ProxiedAnswer> {
  let body: Buffer;
  try {
    body = await readBody(response.body);
  } catch (error) {
    throw call.provider.pool.toGatewayError(error);
  }
  const read = readJsonAnswer(call.dialect, body);
  const contentType = response.headers['content-type'];
  return {
    status: response.status,
    contentType: typeof contentType === 'string' ? contentType : 'application/json',
    body,
    committed: Promise.resolve(),
    warnings: [],
    usage: () => read.usage,
    details: () => read.details,
    completedResponse: () => (read.completedResponse ? { clientResponse: read.completedResponse } : undefined),
  };
}
