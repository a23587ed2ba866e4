import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A real HTTP endpoint standing in for an OpenTelemetry collector: it keeps what it is sent, and answers `status`. */
export class CollectorEndpoint {
  readonly received: Array<{ path: string; contentType: string; headers: IncomingHttpHeaders; body: string }> = [];
  status = 200;
  /** Where it listens, once started. */
  url = '';
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({ path: request.url ?? '', contentType: String(request.headers['content-type']), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(this.status, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A collector endpoint for the tests of one file: started before them, closed after them. */
export function collectorEndpointForFile(): CollectorEndpoint {
  const collector = new CollectorEndpoint();
  beforeAll(() => collector.start());
  afterAll(() => collector.close());
  return collector;
}
