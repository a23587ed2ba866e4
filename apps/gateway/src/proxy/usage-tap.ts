import { Transform, type TransformCallback } from 'node:stream';
import { SseDecoder } from '@gatehouse/sse';
import {
  type Dialect,
  type TokenUsage,
  emptyUsage,
  readAnthropicUsage,
  readOpenAIChatUsage,
  readOpenAIResponsesUsage,
} from '@gatehouse/translate';

const USAGE_KEY = Buffer.from('"usage"');

/**
 * Passes upstream bytes through untouched and reads the token usage on the side:
 * for SSE only the events that can carry usage are parsed, for JSON only the usage object.
 */
export class UsageTap extends Transform {
  readonly usage: TokenUsage = emptyUsage();
  private readonly decoder?: SseDecoder;
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly dialect: Dialect,
    streaming: boolean,
  ) {
    super();
    if (streaming) this.decoder = new SseDecoder();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.decoder) {
      for (const event of this.decoder.push(chunk)) this.readEvent(event.event, event.data);
    } else {
      this.chunks.push(chunk);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.decoder) this.readJsonBody(Buffer.concat(this.chunks));
    callback();
  }

  private readEvent(name: string | undefined, data: string): void {
    switch (this.dialect) {
      case 'anthropic-messages':
        if (name === 'message_start') readAnthropicUsage(parse(data)?.message?.usage, this.usage);
        else if (name === 'message_delta') readAnthropicUsage(parse(data)?.usage, this.usage);
        return;
      case 'openai-chat':
        if (data.includes('"usage":{') || data.includes('"usage": {')) readOpenAIChatUsage(parse(data)?.usage, this.usage);
        return;
      case 'openai-responses':
        if (name === 'response.completed' || name === 'response.incomplete') readOpenAIResponsesUsage(parse(data)?.response?.usage, this.usage);
        return;
    }
  }

  private readJsonBody(body: Buffer): void {
    const usage = lastUsageObject(body);
    if (usage === undefined) return;
    if (this.dialect === 'anthropic-messages') readAnthropicUsage(usage, this.usage);
    else if (this.dialect === 'openai-chat') readOpenAIChatUsage(usage, this.usage);
    else readOpenAIResponsesUsage(usage, this.usage);
  }
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
