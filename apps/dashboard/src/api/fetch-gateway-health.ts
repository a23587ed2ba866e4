import { GatewayRequestError } from './gateway-request-error';
import { requestJson } from './request-json';

export interface GatewayHealth {
  /** "ok" when the gateway process is alive. */
  status: string;
}

const healthPath = '/health';

/** Liveness of the gateway: `GET /health` → `{"status":"ok"}`. */
export async function fetchGatewayHealth(signal: AbortSignal): Promise<GatewayHealth> {
  const body = await requestJson(healthPath, signal);
  if (typeof body !== 'object' || body === null || !('status' in body) || typeof body.status !== 'string') {
    throw new GatewayRequestError(healthPath, 200, 'The health answer has no status.');
  }
  return { status: body.status };
}
