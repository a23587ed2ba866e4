import { StringDecoder } from 'node:string_decoder';

export type StreamDialect = 'openai-chat' | 'anthropic-messages';

/**
 * Reads an SSE body as it arrives and counts content events: text, reasoning or tool-call deltas, not lifecycle
 * events (the role chunk, message_start, content_block_start, pings). Time to first token is the arrival of the
 * first one. Chat Completions: a chunk whose delta has non-empty content, reasoning_content or tool_calls
 * (https://platform.openai.com/docs/api-reference/chat-streaming); Anthropic: content_block_delta
 * (https://docs.anthropic.com/en/docs/build-with-claude/streaming).
 */
export class SseContentCounter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly dialect: StreamDialect) {}

  /** Feeds bytes; returns how many content events were completed by them. */
  push(chunk: Buffer): number {
    this.pending += this.decoder.write(chunk).replace(/\r\n?/g, '\n');
    let content = 0;
    for (let end = this.pending.indexOf('\n\n'); end >= 0; end = this.pending.indexOf('\n\n')) {
      const event = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 2);
      if (this.isContent(event)) content++;
    }
    return content;
  }

  private isContent(event: string): boolean {
    const data = event
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
      .join('\n');
    if (data === '' || data === '[DONE]') return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return false;
    }
    if (typeof parsed !== 'object' || parsed === null) return false;
    if (this.dialect === 'anthropic-messages') return (parsed as { type?: unknown }).type === 'content_block_delta';
    const delta = (parsed as { choices?: { delta?: Record<string, unknown> }[] }).choices?.[0]?.delta;
    if (!delta) return false;
    const nonEmpty = (value: unknown) => typeof value === 'string' && value.length > 0;
    return nonEmpty(delta['content']) || nonEmpty(delta['reasoning_content']) || Array.isArray(delta['tool_calls']);
  }
}
