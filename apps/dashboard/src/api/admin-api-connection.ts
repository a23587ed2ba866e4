import { adminErrorSchema } from '@gatehouse/contracts';
import { GatewayRequestError } from './gateway-request-error';

/** Anything with zod's `parse`: the contracts' schemas check every answer before a page sees it. */
export interface ResponseSchema<T> {
  parse(value: unknown): T;
}

export type QueryParameters = Record<string, string | number | undefined>;

export interface AdminCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParameters;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

const adminApiBase = '/admin/api';

/**
 * Calls /admin/api with the admin key as a Bearer token. Error answers become GatewayRequestError (with the field
 * paths of a 400); a 401 also tells `onUnauthorized`, so the session can end wherever the call was made.
 */
export class AdminApiConnection {
  constructor(
    private readonly adminKey: string,
    private readonly onUnauthorized: (error: GatewayRequestError) => void = () => undefined,
  ) {}

  async json<T>(path: string, schema: ResponseSchema<T>, call: AdminCall = {}): Promise<T> {
    const response = await this.send(path, call);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new GatewayRequestError(path, response.status, 'The gateway did not answer with JSON.');
    }
    try {
      return schema.parse(body);
    } catch {
      throw new GatewayRequestError(path, response.status, 'The gateway answered in a shape this dashboard does not know.');
    }
  }

  /** For answers without a body worth reading (204). */
  async empty(path: string, call: AdminCall = {}): Promise<void> {
    await this.send(path, call);
  }

  async blob(path: string, call: AdminCall = {}): Promise<Blob> {
    return (await this.send(path, call)).blob();
  }

  private async send(path: string, { method = 'GET', query, body, signal }: AdminCall): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.adminKey}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${adminApiBase}${path}${queryStringOf(query)}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new GatewayRequestError(path, undefined, 'The gateway could not be reached.');
    }
    if (response.ok) return response;
    const error = await requestErrorOf(path, response);
    if (response.status === 401) this.onUnauthorized(error);
    throw error;
  }
}

function queryStringOf(query: QueryParameters | undefined): string {
  if (!query) return '';
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

async function requestErrorOf(path: string, response: Response): Promise<GatewayRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = adminErrorSchema.safeParse(body);
  if (!parsed.success) return new GatewayRequestError(path, response.status, `HTTP ${response.status}`);
  return new GatewayRequestError(path, response.status, parsed.data.error.message, parsed.data.error.issues ?? []);
}
