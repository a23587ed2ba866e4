import { type SseEvent } from '@gatehouse/sse';
import { type OpenAIChatChunk, type OpenAIChatDelta } from '@gatehouse/wire';
import { type StopReason } from '../canonical/canonical-response';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type StreamMachine, type TranslationContext } from '../canonical/translation-context';
import { encodeOpenAIError } from '../errors/openai-error-encoder';
import { GatewayError } from '../gateway-error';
import { emptyUsage, type TokenUsage } from '../usage/token-usage';
import { openAIChatFinishReason } from './openai-chat-finish-reason';
import { openAIChatUsage } from './openai-chat-usage';

export interface OpenAIChatStreamEncoderOptions {
  /** The client asked for `stream_options.include_usage`: every chunk carries `usage: null` and a usage chunk comes last. */
  includeUsage?: boolean;
}

/**
 * Canonical stream events → `chat.completion.chunk` events for an OpenAI client, one chunk per delta as it comes.
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 *
 * The role chunk opens the stream; tool calls are numbered 0, 1, ... in order of appearance, their first chunk
 * carrying id, type, name and empty arguments, the next ones index and argument fragments; the finish chunk comes
 * at `stop`, the usage chunk (when asked) and `data: [DONE]` at `end`, so that usage reported late is counted.
 * An error event becomes OpenAI's in-stream `data: {"error": ...}` and ends the stream without `[DONE]`: OpenAI's
 * SDKs throw on that event, and a `[DONE]` after it would read as a clean finish to others.
 */
export class OpenAIChatStreamEncoder implements StreamMachine<CanonicalStreamEvent, SseEvent> {
  private readonly id: string;
  private readonly created: number;
  private readonly model: string;
  private readonly includeUsage: boolean;
  private readonly toolIndexByBlock = new Map<number, number>();
  private sentRole = false;
  private sentFinish = false;
  private ended = false;
  private readonly usageSoFar = emptyUsage();

  constructor(ctx: TranslationContext, options: OpenAIChatStreamEncoderOptions = {}) {
    this.id = ctx.newId('chatcmpl');
    this.created = Math.floor(ctx.now() / 1000);
    this.model = ctx.requestModel;
    this.includeUsage = options.includeUsage ?? false;
  }

  /** Usage so far, from the canonical events seen. */
  get usage(): TokenUsage {
    return { ...this.usageSoFar };
  }

  push(event: CanonicalStreamEvent): SseEvent[] {
    if (this.ended) return [];
    const out: SseEvent[] = [];
    switch (event.type) {
      case 'start':
        if (event.usage) this.addUsage(event.usage);
        this.ensureRole(out);
        break;
      case 'block_start':
        if (event.block.type === 'tool_call') {
          const toolIndex = this.toolIndexByBlock.size;
          this.toolIndexByBlock.set(event.index, toolIndex);
          this.ensureRole(out);
          out.push(
            this.chunk({
              tool_calls: [{ index: toolIndex, id: event.block.id, type: 'function', function: { name: event.block.name, arguments: '' } }],
            }),
          );
        }
        break;
      case 'text_delta':
        if (event.text !== '') {
          this.ensureRole(out);
          out.push(this.chunk({ content: event.text }));
        }
        break;
      case 'thinking_delta':
        if (event.text !== '') {
          this.ensureRole(out);
          out.push(this.chunk({ reasoning_content: event.text }));
        }
        break;
      case 'tool_arguments_delta': {
        const toolIndex = this.toolIndexByBlock.get(event.index);
        if (toolIndex !== undefined && event.json !== '') {
          out.push(this.chunk({ tool_calls: [{ index: toolIndex, function: { arguments: event.json } }] }));
        }
        break;
      }
      case 'signature_delta':
      case 'block_stop':
        break; // OpenAI has no signatures and no block boundaries
      case 'usage':
        this.addUsage(event.usage);
        break;
      case 'stop':
        this.finish(event.stopReason, out);
        break;
      case 'end':
        this.finish('end_turn', out);
        if (this.includeUsage) out.push(this.data({ ...this.base(), choices: [], usage: openAIChatUsage(this.usageSoFar) }));
        out.push({ data: '[DONE]' });
        this.ended = true;
        break;
      case 'error':
        out.push({ data: encodeOpenAIError(event.error).body });
        this.ended = true;
        break;
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled stream event ${JSON.stringify(unreachable)}`);
      }
    }
    return out;
  }

  /** A canonical stream that stops without `end` or `error` was cut: the client is told so. */
  end(): SseEvent[] {
    if (this.ended) return [];
    this.ended = true;
    return [{ data: encodeOpenAIError(new GatewayError('upstream', 'the response stream ended unexpectedly')).body }];
  }

  private ensureRole(out: SseEvent[]): void {
    if (this.sentRole) return;
    this.sentRole = true;
    out.push(this.chunk({ role: 'assistant', content: '' }));
  }

  private finish(stopReason: StopReason, out: SseEvent[]): void {
    if (this.sentFinish) return;
    this.sentFinish = true;
    this.ensureRole(out);
    out.push(this.chunk({}, openAIChatFinishReason(stopReason, this.toolIndexByBlock.size > 0)));
  }

  private addUsage(usage: Partial<TokenUsage>): void {
    for (const [field, value] of Object.entries(usage) as [keyof TokenUsage, number | undefined][]) {
      if (value !== undefined) this.usageSoFar[field] = value;
    }
  }

  private base() {
    return { id: this.id, object: 'chat.completion.chunk' as const, created: this.created, model: this.model };
  }

  private chunk(delta: OpenAIChatDelta, finishReason: string | null = null): SseEvent {
    const chunk: OpenAIChatChunk = {
      ...this.base(),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    };
    // With include_usage, OpenAI puts `usage: null` on every chunk but the last.
    if (this.includeUsage) chunk.usage = null;
    return this.data(chunk);
  }

  private data(chunk: OpenAIChatChunk): SseEvent {
    return { data: JSON.stringify(chunk) };
  }
}
