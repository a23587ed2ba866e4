import { GatewayRequestError } from './gateway-request-error';

/** GETs a same-origin gateway path and returns its parsed JSON body; anything else becomes a GatewayRequestError. */
export async function requestJson(path: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new GatewayRequestError(path, undefined, 'The gateway could not be reached.');
  }

  const body = await readJsonBody(response);
  if (!response.ok) {
    const detail = errorMessageOf(body);
    throw new GatewayRequestError(path, response.status, `HTTP ${response.status}${detail ? `: ${detail}` : ''}`);
  }
  if (body === undefined) throw new GatewayRequestError(path, response.status, 'The gateway did not answer with JSON.');
  return body;
}

async function readJsonBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

// OpenAI ({"error":{"message"}}) and Anthropic ({"type":"error","error":{"message"}}) errors both carry error.message.
function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  return typeof error.message === 'string' ? error.message : undefined;
}
