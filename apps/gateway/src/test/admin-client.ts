export interface AdminResponse<Body = any> {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

/** A small client for /admin/api in tests; it keeps every response text, so a test can check what was ever shown. */
export class AdminClient {
  readonly seen: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly adminKey: string | undefined,
  ) {}

  get = (path: string) => this.call('GET', path);
  post = (path: string, body?: unknown) => this.call('POST', path, body);
  put = (path: string, body?: unknown) => this.call('PUT', path, body);
  patch = (path: string, body?: unknown) => this.call('PATCH', path, body);
  delete = (path: string) => this.call('DELETE', path);

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AdminResponse> {
    const response = await fetch(`${this.baseUrl}/admin/api${path}`, {
      method,
      headers: {
        ...(this.adminKey === undefined ? {} : { authorization: `Bearer ${this.adminKey}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    this.seen.push(text);
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }
}
