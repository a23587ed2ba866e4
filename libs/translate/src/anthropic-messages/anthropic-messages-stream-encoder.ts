import { type SseEvent } from '@gatehouse/sse';
import { type CanonicalStreamEvent, type StreamBlock } from '../canonical/canonical-stream-event';
import { type StopReason } from '../canonical/canonical-response';
import { type StreamMachine, type TranslationContext } from '../canonical/translation-context';
import { encodeAnthropicError } from '../errors/anthropic-error-encoder';
import { GatewayError } from '../gateway-error';
import { type TokenUsage, emptyUsage } from '../usage/token-usage';
import { anthropicStopReason } from './anthropic-stop-reason';
import { anthropicUsageFromTokenUsage } from './anthropic-usage';

// https://docs.claude.com/en/docs/build-with-claude/streaming

interface BlockState {
  block: StreamBlock;
  /** Whether the client has seen this block close; a text or thinking block touched again reopens as a new block. */
  closed: boolean;
}

const event = (payload: { type: string } & Record<string, unknown>): SseEvent => ({ event: payload.type, data: JSON.stringify(payload) });

function contentBlockStart(block: StreamBlock): Record<string, unknown> {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    case 'tool_call':
      return { type: 'tool_use', id: block.id, name: block.name, input: {} };
    default: {
      const unreachable: never = block;
      throw new Error(`unhandled stream block ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Canonical events → the SSE events an Anthropic client reads. Anthropic clients expect one open block at a time,
 * numbered consecutively: an event for another block than the open one closes the open one first, and the client's
 * indexes are the order in which blocks open on its side. One exception keeps tool calls whole: text or thinking that
 * arrives while a tool call is open waits until that call closes (its arguments may still be coming), then follows it.
 * `message_delta` goes out at the end, once stop reason and usage are both known (an OpenAI upstream sends its usage
 * after the finish reason).
 */
export class AnthropicMessagesStreamEncoder implements StreamMachine<CanonicalStreamEvent, SseEvent> {
  private readonly blocks = new Map<number, BlockState>();
  private readonly tokenUsage: TokenUsage = emptyUsage();
  private inputKnown = false;
  private started = false;
  private finished = false;
  /** The canonical index of the open block and its index on the client's side. */
  private open: { index: number; clientIndex: number } | undefined;
  private nextClientIndex = 0;
  private toolUseSent = false;
  private stop: { stopReason: StopReason; stopSequence?: string } | undefined;
  /** Text and thinking blocks and deltas that arrived while a tool call was open. */
  private held: CanonicalStreamEvent[] = [];

  constructor(private readonly ctx: TranslationContext) {}

  /** Token usage as far as known. */
  get usage(): TokenUsage {
    return { ...this.tokenUsage };
  }

  push(input: CanonicalStreamEvent): SseEvent[] {
    if (this.finished) return [];
    const out: SseEvent[] = [];
    switch (input.type) {
      case 'start':
        if (input.usage) this.mergeUsage(input.usage);
        this.ensureStarted(out);
        break;
      case 'block_start':
        if (input.block.type !== 'tool_call' && this.holdWhileToolOpen(input)) break;
        this.ensureStarted(out);
        this.blocks.set(input.index, { block: input.block, closed: false });
        this.openBlock(input.index, out);
        break;
      case 'text_delta':
        if (this.holdWhileToolOpen(input)) break;
        if (this.ensureOpen(input.index, 'text', out)) this.delta(out, { type: 'text_delta', text: input.text });
        break;
      case 'thinking_delta':
        if (this.holdWhileToolOpen(input)) break;
        if (this.ensureOpen(input.index, 'thinking', out)) this.delta(out, { type: 'thinking_delta', thinking: input.text });
        break;
      case 'signature_delta':
        if (this.holdWhileToolOpen(input)) break;
        if (this.ensureOpen(input.index, 'thinking', out)) this.delta(out, { type: 'signature_delta', signature: input.signature });
        break;
      case 'tool_arguments_delta':
        if (this.ensureOpen(input.index, 'tool_call', out)) this.delta(out, { type: 'input_json_delta', partial_json: input.json });
        break;
      case 'block_stop':
        if (this.open?.index === input.index) this.closeOpenBlock(out, true);
        break;
      case 'usage':
        this.mergeUsage(input.usage);
        break;
      case 'stop':
        this.ensureStarted(out);
        this.closeOpenBlock(out);
        this.stop = { stopReason: input.stopReason, stopSequence: input.stopSequence };
        break;
      case 'error':
        this.fail(input.error, out);
        break;
      case 'end':
        this.finish(out);
        break;
      default: {
        const unreachable: never = input;
        throw new Error(`unhandled stream event ${JSON.stringify(unreachable)}`);
      }
    }
    return out;
  }

  end(): SseEvent[] {
    if (this.finished || !this.started) return [];
    const out: SseEvent[] = [];
    this.fail(new GatewayError('upstream', 'the upstream stream ended early', { retryable: true }), out);
    return out;
  }

  private mergeUsage(usage: Partial<TokenUsage>): void {
    for (const key of Object.keys(usage) as (keyof TokenUsage)[]) {
      const value = usage[key];
      if (typeof value === 'number') this.tokenUsage[key] = value;
    }
    if (typeof usage.inputTokens === 'number') this.inputKnown = true;
  }

  private ensureStarted(out: SseEvent[]): void {
    if (this.started) return;
    this.started = true;
    out.push(
      event({
        type: 'message_start',
        message: {
          id: this.ctx.newId('msg'),
          type: 'message',
          role: 'assistant',
          model: this.ctx.requestModel,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: anthropicUsageFromTokenUsage(this.tokenUsage),
        },
      }),
    );
  }

  private openBlock(index: number, out: SseEvent[]): void {
    this.closeOpenBlock(out);
    const state = this.blocks.get(index)!;
    state.closed = false;
    const clientIndex = this.nextClientIndex++;
    this.open = { index, clientIndex };
    if (state.block.type === 'tool_call') this.toolUseSent = true;
    out.push(event({ type: 'content_block_start', index: clientIndex, content_block: contentBlockStart(state.block) }));
  }

  /**
   * Makes `index` the open block before one of its deltas: a text or thinking block closed in between reopens as a
   * new client block (the text simply continues there). A tool call cannot reopen — its id would repeat — so late
   * arguments end the stream with an error rather than a silently broken call. Returns whether to send the delta.
   */
  private ensureOpen(index: number, kind: StreamBlock['type'], out: SseEvent[]): boolean {
    this.ensureStarted(out);
    if (this.open?.index === index) return true;
    const state = this.blocks.get(index);
    if (!state) {
      // A delta without its block_start: open a block of the delta's kind when that needs nothing more.
      if (kind === 'tool_call') return false;
      this.blocks.set(index, { block: { type: kind } as StreamBlock, closed: false });
    } else if (state.closed && state.block.type === 'tool_call') {
      this.fail(new GatewayError('upstream', 'tool call arguments arrived after the tool call closed'), out);
      return false;
    }
    this.openBlock(index, out);
    return true;
  }

  private delta(out: SseEvent[], delta: { type: string } & Record<string, unknown>): void {
    out.push(event({ type: 'content_block_delta', index: this.open!.clientIndex, delta }));
  }

  private holdWhileToolOpen(input: CanonicalStreamEvent & { index: number }): boolean {
    if (!this.open || this.open.index === input.index || this.blocks.get(this.open.index)!.block.type !== 'tool_call') return false;
    this.held.push(input);
    return true;
  }

  /**
   * Closes the open block. When that was a tool call, the deltas held back behind it follow now; the block they
   * reopen stays open only when `keepFollowerOpen` (the upstream closed the call, and more text may follow).
   */
  private closeOpenBlock(out: SseEvent[], keepFollowerOpen = false): void {
    if (!this.open) return;
    out.push(event({ type: 'content_block_stop', index: this.open.clientIndex }));
    const state = this.blocks.get(this.open.index)!;
    state.closed = true;
    this.open = undefined;
    if (state.block.type !== 'tool_call' || this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    for (const input of held) out.push(...this.push(input));
    if (!keepFollowerOpen) this.closeOpenBlock(out);
  }

  private finish(out: SseEvent[]): void {
    this.ensureStarted(out);
    this.closeOpenBlock(out);
    this.finished = true;
    const stopReason = anthropicStopReason(this.stop?.stopReason ?? 'end_turn', this.toolUseSent);
    const usage = anthropicUsageFromTokenUsage(this.tokenUsage);
    out.push(
      event({
        type: 'message_delta',
        delta: {
          stop_reason: stopReason,
          stop_sequence: stopReason === 'stop_sequence' ? (this.stop?.stopSequence ?? null) : null,
        },
        usage: this.inputKnown ? usage : { output_tokens: usage.output_tokens },
      }),
      event({ type: 'message_stop' }),
    );
  }

  /** An error after the first bytes: Anthropic's `event: error`, and nothing after it. */
  private fail(error: GatewayError, out: SseEvent[]): void {
    this.finished = true;
    out.push({ event: 'error', data: encodeAnthropicError(error).body });
  }
}
