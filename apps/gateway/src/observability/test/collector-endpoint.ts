import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

/** A real HTTP endpoint standing in for an OpenTelemetry collector: it keeps what it is sent, and answers `status`. */
export class CollectorEndpoint {
  readonly received: Array<{ path: string; contentType: string; body: string }> = [];
  status = 200;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({ path: request.url ?? '', contentType: String(request.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(this.status, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
