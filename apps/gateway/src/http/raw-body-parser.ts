import { type FastifyInstance } from 'fastify';

/**
 * /v1 bodies stay raw bytes: the proxy checks UTF-8 and JSON itself (to answer in the caller's dialect) and forwards
 * the bytes of a pass-through unchanged. Any content type is accepted there, since curl's `-d` sends a form type.
 * POST bodies under /v1 never get here (proxy-body-reader.ts reads them first); other /v1 bodies do.
 * Other routes (the admin API) get parsed JSON.
 */
export function installBodyParsers(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    const bytes = body as Buffer;
    if (request.url.startsWith('/v1/')) return done(null, bytes);
    if (bytes.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(bytes.toString('utf8')));
    } catch (error) {
      done(Object.assign(new Error(`The request body is not valid JSON: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
}
