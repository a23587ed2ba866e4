import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface OtlpSink {
  url: string;
  /** Export requests received, by path (/v1/traces, /v1/metrics). */
  readonly received: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Where the tracing variant sends its spans: accepts every OTLP/HTTP export with an empty success answer (an empty
 * Export*ServiceResponse) and only counts them, so the gateway pays for exporting and nothing more.
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      received.set(path, (received.get(path) ?? 0) + 1);
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf', 'content-length': '0' });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
