import { GatewayRequestError } from './gateway-request-error';

export interface GatewayReadiness {
  ready: boolean;
  /** `database`, `redis`, `provider:NAME`, `providers`: each with whether it passed and why not. */
  checks: { name: string; ok: boolean; detail: string | undefined }[];
}

const readinessPath = '/ready';

/** `GET /ready`: 200 `{status:"ready", checks}` or 503 `{status:"not_ready", checks}`; both are answers, not failures. */
export async function fetchGatewayReadiness(signal: AbortSignal): Promise<GatewayReadiness> {
  let response: Response;
  try {
    response = await fetch(readinessPath, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new GatewayRequestError(readinessPath, undefined, 'The gateway could not be reached.');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new GatewayRequestError(readinessPath, response.status, `HTTP ${response.status}, not JSON`);
  }
  if (typeof body !== 'object' || body === null || !('status' in body) || !('checks' in body)) {
    throw new GatewayRequestError(readinessPath, response.status, 'The readiness answer has no status and checks.');
  }
  const checks = typeof body.checks === 'object' && body.checks !== null ? Object.entries(body.checks) : [];
  return {
    ready: body.status === 'ready',
    checks: checks.map(([name, check]: [string, unknown]) => {
      const ok = typeof check === 'object' && check !== null && 'ok' in check && check.ok === true;
      const detail = typeof check === 'object' && check !== null && 'detail' in check && typeof check.detail === 'string' ? check.detail : undefined;
      return { name, ok, detail };
    }),
  };
}
