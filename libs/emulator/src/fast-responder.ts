import { type IncomingMessage, type ServerResponse } from 'node:http';
import { anthropicMessagesResponder } from './anthropic-messages-responder';
import { type DialectResponder } from './dialect-responder';
import { openAiChatResponder } from './openai-chat-responder';
import { openAiResponsesResponder } from './openai-responses-responder';
import { planReply } from './reply-plan';

export interface FastModeOptions {
  streamChunks: number;
  streamChunkDelayMs: number;
}

interface PreparedStream {
  whole: Buffer;
  frames: Buffer[];
  content: boolean[];
}

interface PreparedRoute {
  json: Buffer;
  stream: PreparedStream;
  /** Chat Completions with `stream_options.include_usage`: the extra usage chunk. */
  streamWithUsage: PreparedStream;
}

const FAST_TEXT = 'This is a fixed reply from the Gatehouse upstream emulator in fast mode.';
const FAST_MODEL = 'emulator-fast';
const STREAM_KEY = Buffer.from('"stream"');
const INCLUDE_USAGE_KEY = Buffer.from('"include_usage"');
const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' };

/**
 * Benchmark mode: every answer is computed once at start, the body is only scanned for `"stream": true`, nothing is
 * recorded and no directive is read, so a gateway in front of it is what the benchmark measures.
 * Returns a handler that answers the generation endpoints and returns false for any other request.
 */
export function createFastResponder(options: FastModeOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const routes = new Map<string, PreparedRoute>([
    ['/v1/chat/completions', prepare(openAiChatResponder, options)],
    ['/v1/messages', prepare(anthropicMessagesResponder, options)],
    ['/v1/responses', prepare(openAiResponsesResponder, options)],
  ]);
  return (req, res) => {
    const route = req.method === 'POST' ? routes.get(pathOf(req.url ?? '')) : undefined;
    if (!route) return false;
    let first: Buffer | undefined;
    let rest: Buffer[] | undefined;
    req.on('data', (chunk: Buffer) => {
      if (!first) first = chunk;
      else (rest ??= []).push(chunk);
    });
    req.on('end', () => {
      const body = rest && first ? Buffer.concat([first, ...rest]) : (first ?? Buffer.alloc(0));
      if (!flagIsTrue(body, STREAM_KEY)) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(route.json.length) });
        res.end(route.json);
        return;
      }
      const stream = flagIsTrue(body, INCLUDE_USAGE_KEY) ? route.streamWithUsage : route.stream;
      res.writeHead(200, SSE_HEADERS);
      if (options.streamChunkDelayMs <= 0) res.end(stream.whole);
      else writePaced(res, stream, options.streamChunkDelayMs);
    });
    return true;
  };
}

function prepare(responder: DialectResponder, options: FastModeOptions): PreparedRoute {
  const plan = planReply({ text: FAST_TEXT, chunks: options.streamChunks, usage: { input_tokens: 12, output_tokens: 16 } }, '', 0);
  const request = (body: Record<string, unknown>) => ({ body: { model: FAST_MODEL, ...body }, model: FAST_MODEL });
  const stream = (body: Record<string, unknown>): PreparedStream => {
    const frames = responder.streamFrames(plan, request(body));
    const buffers = frames.map((frame) => Buffer.from(frame.text));
    return { whole: Buffer.concat(buffers), frames: buffers, content: frames.map((frame) => frame.content) };
  };
  return {
    json: Buffer.from(JSON.stringify(responder.responseBody(plan, request({})))),
    stream: stream({}),
    streamWithUsage: stream({ stream_options: { include_usage: true } }),
  };
}

/** Writes up to and including the first content delta, then each later content delta after the delay. */
function writePaced(res: ServerResponse, stream: PreparedStream, delayMs: number): void {
  let next = 0;
  let contentSeen = false;
  const step = (): void => {
    while (next < stream.frames.length) {
      if (res.destroyed) return;
      if (stream.content[next]) {
        if (contentSeen) {
          contentSeen = false;
          setTimeout(step, delayMs);
          return;
        }
        contentSeen = true;
      }
      res.write(stream.frames[next++]);
    }
    res.end();
  };
  step();
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** Finds `"key"` followed by optional whitespace, a colon, optional whitespace and `true`. */
function flagIsTrue(body: Buffer, key: Buffer): boolean {
  for (let at = body.indexOf(key); at >= 0; at = body.indexOf(key, at + 1)) {
    let i = at + key.length;
    while (i < body.length && isSpace(body[i]!)) i++;
    if (body[i] !== 0x3a) continue;
    i++;
    while (i < body.length && isSpace(body[i]!)) i++;
    if (body[i] === 0x74) return true;
  }
  return false;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
