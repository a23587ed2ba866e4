import { type Readable } from 'node:stream';
import { type UpstreamOperation, type UpstreamResponse } from '@gatehouse/providers';
import { type Dialect } from '@gatehouse/translate';
import { type ConfiguredProvider } from '../providers/configured-providers';
import { type InboundRequest } from './inbound-request';
import { spliceModel } from './model-splice';

export interface PassThroughCall {
  dialect: Dialect;
  operation: UpstreamOperation;
  inbound: InboundRequest;
  upstreamModel: string;
  provider: ConfiguredProvider;
  clientHeaders: Readonly<Record<string, string | string[] | undefined>>;
  query?: string;
  signal: AbortSignal;
}

/**
 * A same-dialect call: the client's bytes go upstream with only the model and the credentials changed.
 * An upstream error status is read and thrown as a GatewayError, so nothing has reached the client yet.
 */
export async function sendPassThrough(call: PassThroughCall): Promise<UpstreamResponse> {
  const { provider } = call;
  const prepared = provider.adapter.prepare(provider.settings, {
    operation: call.operation,
    dialect: call.dialect,
    body: spliceModel(call.inbound.raw, call.inbound.model, call.upstreamModel),
    clientHeaders: call.clientHeaders,
    query: call.query,
  });
  const response = await provider.pool.send(prepared, call.signal);
  if (response.status >= 400) {
    const text = await readText(response.body).catch(() => '');
    throw provider.adapter.mapError(response.status, text, response.headers);
  }
  return response;
}

async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
