import { Transform, type TransformCallback } from 'node:stream';
import { SseDecoder } from '@gatehouse/sse';
import {
  type Dialect,
  type GatewayError,
  type TokenUsage,
  emptyUsage,
  gatewayErrorFromAnthropicError,
  gatewayErrorFromOpenAIChatPayload,
  readAnthropicUsage,
  readOpenAIChatUsage,
  readOpenAIResponsesUsage,
} from '@gatehouse/translate';
import { type ResponseDetails } from '../observability/request-outcome';
import { HeldOutput } from './held-output';

const USAGE_KEY = Buffer.from('"usage"');

/** What one upstream SSE event means for holding: content (release), an error before content (fall over), neither. */
type EventMeaning = 'content' | 'lifecycle' | GatewayError;

/**
 * Passes upstream bytes through untouched and reads the token usage on the side: for SSE only the events that can
 * carry usage are parsed, for JSON only the usage object. A stream's first bytes are held until its first content, so
 * that an error event before any content can still fall over (see HeldOutput).
 */
export class UsageTap extends Transform {
  readonly usage: TokenUsage = emptyUsage();
  private readonly decoder?: SseDecoder;
  private readonly chunks: Buffer[] = [];
  private readonly held?: HeldOutput;
  /** For the Responses API: the final response object (streamed in response.completed, or the whole JSON body). */
  completedResponse?: Record<string, unknown>;
  /** The upstream's response id, model and stop reason, read on the side like the usage. */
  readonly details: ResponseDetails = {};
  /** A failure after the first content: the client's stream ended with an error event. */
  lateFailure?: GatewayError;

  constructor(
    private readonly dialect: Dialect,
    streaming: boolean,
  ) {
    super();
    if (streaming) {
      this.decoder = new SseDecoder();
      this.held = new HeldOutput((chunk) => this.push(chunk));
    }
  }

  /** Resolves once output flows to the client; rejects when the upstream failed before any content. */
  get committed(): Promise<void> {
    return this.held?.committed ?? Promise.resolve();
  }

  /** Ends the stream early: before any content, the failure is reported through `committed` and nothing is sent. */
  failEarly(error: GatewayError): boolean {
    return this.held?.failEarly(error) ?? false;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.decoder || !this.held) {
      this.chunks.push(chunk);
      return callback(null, chunk);
    }
    let hasContent = false;
    for (const event of this.decoder.push(chunk)) {
      const meaning = this.readEvent(event.event, event.data);
      if (meaning === 'content') hasContent = true;
      else if (meaning !== 'lifecycle') {
        if (!hasContent && this.held.failEarly(meaning)) return callback();
        this.lateFailure = meaning;
      }
    }
    this.held.write(chunk, hasContent);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (!this.decoder) this.readJsonBody(Buffer.concat(this.chunks));
    this.held?.release();
    callback();
  }

  private readEvent(name: string | undefined, data: string): EventMeaning {
    switch (this.dialect) {
      case 'anthropic-messages':
        if (name === 'message_start') {
          const message = parse(data)?.message;
          readAnthropicUsage(message?.usage, this.usage);
          this.details.id = message?.id;
          this.details.model = message?.model;
        } else if (name === 'message_delta') {
          const delta = parse(data);
          readAnthropicUsage(delta?.usage, this.usage);
          if (delta?.delta?.stop_reason) this.details.finishReasons = [delta.delta.stop_reason];
        }
        else if (name === 'content_block_delta') return 'content';
        // An empty text or thinking block opening is still lifecycle; a tool call's start carries its name.
        else if (name === 'content_block_start') return /"type":"(?:text|thinking)"/.test(data) ? 'lifecycle' : 'content';
        else if (name === 'error') return gatewayErrorFromAnthropicError(parse(data)?.error);
        return 'lifecycle';
      case 'openai-chat':
        if (data.startsWith('{"error"')) return gatewayErrorFromOpenAIChatPayload(parse(data) ?? {});
        if (this.details.id === undefined || data.includes('"finish_reason":"')) this.readOpenAIChatDetails(data);
        if (data.includes('"usage":{') || data.includes('"usage": {')) readOpenAIChatUsage(parse(data)?.usage, this.usage);
        return hasOpenAIChatContent(data) ? 'content' : 'lifecycle';
      case 'openai-responses':
        if (name === 'response.completed' || name === 'response.incomplete') {
          this.completedResponse = parse(data)?.response;
          readOpenAIResponsesUsage(this.completedResponse?.usage, this.usage);
        }
        if (name === 'error' || name === 'response.failed') return 'content';
        return name !== undefined && (name.endsWith('.delta') || name === 'response.output_item.added') ? 'content' : 'lifecycle';
    }
  }

  /** Id and model from the first chunk, the finish reason from the chunk that has one: two parses per stream. */
  private readOpenAIChatDetails(data: string): void {
    const chunk = parse(data);
    if (!chunk) return;
    this.details.id ??= chunk.id;
    this.details.model ??= chunk.model;
    const finish = chunk.choices?.[0]?.finish_reason;
    if (finish) this.details.finishReasons = [finish];
  }

  private readJsonBody(body: Buffer): void {
    const read = readJsonAnswer(this.dialect, body);
    Object.assign(this.usage, read.usage);
    Object.assign(this.details, read.details);
    this.completedResponse = read.completedResponse;
  }

}

const HEAD_BYTES = 1024;
const TAIL_BYTES = 4096;

/** What a whole JSON answer tells without a parse of its body (but for the Responses API, whose store keeps it). */
export function readJsonAnswer(
  dialect: Dialect,
  body: Buffer,
): { usage: TokenUsage; details: ResponseDetails; completedResponse?: Record<string, unknown> } {
  const usage = emptyUsage();
  // The head of a JSON answer names its id and model, its tail the stop reason; a short answer is decoded once.
  const whole = body.length <= TAIL_BYTES ? body.toString('utf8') : undefined;
  const head = whole ?? body.toString('utf8', 0, HEAD_BYTES);
  const stop = /"(?:stop_reason|finish_reason)"\s*:\s*"([^"]+)"/.exec(whole ?? body.toString('utf8', body.length - TAIL_BYTES));
  const details: ResponseDetails = {
    id: /"id"\s*:\s*"([^"]+)"/.exec(head)?.[1],
    model: /"model"\s*:\s*"([^"]+)"/.exec(head)?.[1],
    ...(stop ? { finishReasons: [stop[1]!] } : {}),
  };
  if (dialect === 'openai-responses') {
    const completedResponse = parse(body.toString('utf8'));
    readOpenAIResponsesUsage(completedResponse?.usage, usage);
    return { usage, details, completedResponse };
  }
  const usageObject = lastUsageObject(body);
  if (dialect === 'anthropic-messages') readAnthropicUsage(usageObject, usage);
  else readOpenAIChatUsage(usageObject, usage);
  return { usage, details };
}

/** A chunk carries content when it has text, reasoning or a tool call, or ends the answer (`[DONE]`, a finish reason). */
function hasOpenAIChatContent(data: string): boolean {
  return (
    data === '[DONE]' ||
    /"(?:content|reasoning_content|reasoning)":"[^"]/.test(data) ||
    data.includes('"tool_calls":[') ||
    /"finish_reason":"/.test(data)
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parse(data: string): any {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** The object after the last `"usage"` key, parsed alone: usage comes last in both dialects' responses. */
function lastUsageObject(body: Buffer): unknown {
  const key = body.lastIndexOf(USAGE_KEY);
  if (key < 0) return undefined;
  const start = body.indexOf(0x7b, key + USAGE_KEY.length);
  if (start < 0) return undefined;
  let depth = 0;
  for (let at = start; at < body.length; at++) {
    const byte = body[at];
    if (byte === 0x22) {
      at = body.indexOf(0x22, at + 1);
      if (at < 0) return undefined;
    } else if (byte === 0x7b) depth++;
    else if (byte === 0x7d && --depth === 0) return parse(body.toString('utf8', start, at + 1));
  }
  return undefined;
}
