import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { renderHttpFailure } from './http-failure';

const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'] as const;

/**
 * Reads the body of every POST under /v1 in an onRequest hook, as raw bytes on `request.body`, instead of through
 * Fastify's content-type parsing. That parsing binds an AsyncResource per request, and on Node 20 each bind builds
 * deprecation wrappers that get hidden classes of their own in the old generation: at a thousand requests a second it
 * was the largest source of old-generation garbage, and of the major collections that stalled every request in flight.
 * Once the body is read, the headers that announced it are removed, so Fastify finds nothing left to parse.
 * A body over `server.body_limit` gets 413 in the caller's format, as before.
 */
export function installProxyBodyReader(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'POST' || !request.url.startsWith('/v1/')) {
      done();
      return;
    }
    readProxyBody(request, reply, bodyLimit, done);
  });
}

function readProxyBody(request: FastifyRequest, reply: FastifyReply, bodyLimit: number, done: (error?: Error) => void): void {
  const raw = request.raw;
  if (Number(raw.headers['content-length']) > bodyLimit) {
    tooLarge(request, reply, bodyLimit);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => {
    raw.removeListener('data', onData);
    raw.removeListener('end', onEnd);
    raw.removeListener('error', onError);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= bodyLimit) {
      chunks.push(chunk);
      return;
    }
    stop();
    tooLarge(request, reply, bodyLimit);
  };
  const onEnd = () => {
    stop();
    request.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
    for (const header of BODY_HEADERS) delete raw.headers[header];
    done();
  };
  const onError = (error: Error) => {
    stop();
    done(error);
  };
  raw.on('data', onData);
  raw.on('end', onEnd);
  raw.on('error', onError);
}

function tooLarge(request: FastifyRequest, reply: FastifyReply, bodyLimit: number): void {
  const rendered = renderHttpFailure(request.url, { statusCode: 413 }, bodyLimit);
  // The rest of the body is not read: the connection cannot carry another request.
  reply.status(rendered.status).headers(rendered.headers).header('connection', 'close').header('content-type', 'application/json').send(rendered.body);
}
