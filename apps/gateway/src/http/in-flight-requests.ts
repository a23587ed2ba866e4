import { type Server } from 'node:http';

const counts = new WeakMap<Server, { requests: number }>();

/** Starts counting the requests a server is answering; call once, right after the server exists. */
export function countInFlightRequests(server: Server): void {
  const count = { requests: 0 };
  counts.set(server, count);
  server.on('request', (_request, response) => {
    count.requests++;
    response.once('close', () => count.requests--);
  });
}

export function inFlightRequests(server: Server): number {
  return counts.get(server)?.requests ?? 0;
}
