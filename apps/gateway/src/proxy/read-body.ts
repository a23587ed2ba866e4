import { type Readable } from 'node:stream';

/**
 * A whole response body as one buffer. Listens for data instead of iterating: an async iterator allocates a promise
 * and a result per chunk, on every JSON answer the gateway proxies.
 */
export function readBody(body: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    body.once('error', reject);
    body.once('close', () => {
      if (!body.readableEnded) reject(new Error('the response body closed before its end'));
    });
  });
}

export async function readText(body: Readable): Promise<string> {
  return (await readBody(body)).toString('utf8');
}
