import { type SseEvent } from '@gatehouse/sse';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type StreamMachine } from '../canonical/translation-context';
import { GatewayError, isGatewayError } from '../gateway-error';
import { emptyUsage, type TokenUsage } from '../usage/token-usage';
import { readOpenAIChatUsage } from '../usage/usage-readers';
import { gatewayErrorFromOpenAIChatPayload, isOpenAIChatErrorPayload } from './openai-chat-error-payload';
import { stopFromOpenAIChatFinishReason } from './openai-chat-finish-reason';
import { asJsonObject, asString, type JsonObject } from './read-json';

export interface OpenAIChatStreamDecoderOptions {
  /** Makes an id for a tool call that arrives without one (a few compatible servers omit it); pass `ctx.newId`. */
  newId?: (prefix: string) => string;
}

type BlockKind = 'text' | 'thinking' | 'tool_call';

interface StreamedToolCall {
  id?: string;
  idWasMadeUp?: boolean;
  name?: string;
  /** Argument fragments that came before the call could open (before its id and name). */
  pendingArguments: string;
  blockIndex?: number;
  closed: boolean;
}

/**
 * Upstream `chat.completion.chunk` events → canonical stream events.
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 *
 * Canonical blocks are sequential (Anthropic clients need each block closed before the next opens), while OpenAI
 * chunks mix content, reasoning and tool calls freely. So one block is open at a time: a delta of another kind
 * closes it and opens the next (text after a tool call opens a new text block). Tool calls are keyed by their OpenAI
 * `index` (a new `id` at a known index also starts a new call, for servers that number every call 0) and open when
 * both id and name are known. Servers stream calls one after another; arguments for a call whose block was
 * already closed cannot be placed and end the stream with an error rather than corrupting a call's JSON.
 *
 * The stop is held until `[DONE]` (or the end of the stream), so that the usage chunk that follows the finish
 * chunk comes before it. A stream that ends without a finish_reason was cut and ends with an error; `[DONE]`
 * without a finish_reason is a finished answer with stop reason `other`.
 */
export class OpenAIChatStreamDecoder implements StreamMachine<SseEvent, CanonicalStreamEvent> {
  private readonly newId: (prefix: string) => string;
  private started = false;
  private ended = false;
  private nextBlockIndex = 0;
  private openBlock: { index: number; kind: BlockKind; call?: StreamedToolCall } | undefined;
  private readonly toolCallsByIndex = new Map<number, StreamedToolCall>();
  private readonly toolCalls: StreamedToolCall[] = [];
  private finishReason: string | undefined;
  private matchedStop: unknown;
  private sawText = false;
  private sawRefusal = false;
  private readonly usageSoFar = emptyUsage();

  constructor(options: OpenAIChatStreamDecoderOptions = {}) {
    let made = 0;
    this.newId = options.newId ?? ((prefix) => `${prefix}_gatehouse_${made++}`);
  }

  /** Usage as far as the upstream reported it. */
  get usage(): TokenUsage {
    return { ...this.usageSoFar };
  }

  push(event: SseEvent): CanonicalStreamEvent[] {
    if (this.ended) return [];
    const out: CanonicalStreamEvent[] = [];
    const data = event.data.trim();
    if (data === '[DONE]') {
      this.complete(out);
      return out;
    }
    if (data === '') return []; // a keep-alive some servers send
    const payload = parseJson(data);
    try {
      if (!payload) throw new GatewayError('upstream', 'the upstream stream sent an event that is not a JSON object', { retryable: true });
      if (event.event === 'error' || isOpenAIChatErrorPayload(payload)) throw gatewayErrorFromOpenAIChatPayload(payload);
      this.readChunk(payload, out);
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      out.push({ type: 'error', error });
      this.ended = true;
    }
    return out;
  }

  end(): CanonicalStreamEvent[] {
    if (this.ended) return [];
    const out: CanonicalStreamEvent[] = [];
    if (this.finishReason !== undefined) this.complete(out);
    else {
      const message = this.started
        ? 'the upstream stream ended before its finish_reason'
        : 'the upstream stream ended without sending anything';
      out.push({ type: 'error', error: new GatewayError('upstream', message, { retryable: true }) });
      this.ended = true;
    }
    return out;
  }

  private readChunk(chunk: JsonObject, out: CanonicalStreamEvent[]): void {
    if (!this.started) {
      this.started = true;
      out.push({ type: 'start', id: asString(chunk.id) ?? '', model: asString(chunk.model) ?? '' });
    }
    // Requests never ask for n > 1: the first choice is the answer. vLLM sends `choices: null` with the usage.
    const choice = asJsonObject(Array.isArray(chunk.choices) ? chunk.choices[0] : undefined);
    if (choice) this.readChoice(choice, out);
    const usage = asJsonObject(chunk.usage);
    if (usage) {
      readOpenAIChatUsage(usage, this.usageSoFar);
      out.push({ type: 'usage', usage: { ...this.usageSoFar } });
    }
  }

  private readChoice(choice: JsonObject, out: CanonicalStreamEvent[]): void {
    const delta = asJsonObject(choice.delta) ?? {};
    // vLLM and DeepSeek stream reasoning as `reasoning_content`; OpenRouter and newer vLLM as `reasoning` (some send both).
    const reasoning = asString(delta.reasoning_content) ?? asString(delta.reasoning);
    if (reasoning) out.push({ type: 'thinking_delta', index: this.blockOf('thinking', out), text: reasoning });
    const content = asString(delta.content);
    if (content) {
      this.sawText = true;
      out.push({ type: 'text_delta', index: this.blockOf('text', out), text: content });
    }
    const refusal = asString(delta.refusal);
    if (refusal) {
      this.sawRefusal = true;
      out.push({ type: 'text_delta', index: this.blockOf('text', out), text: refusal });
    }
    if (Array.isArray(delta.tool_calls)) {
      for (const entry of delta.tool_calls) {
        const callDelta = asJsonObject(entry);
        if (callDelta) this.readToolCallDelta(callDelta, out);
      }
    }
    const finishReason = asString(choice.finish_reason);
    if (finishReason) {
      this.closeBlocks(out);
      this.finishReason = finishReason;
      this.matchedStop = choice.stop_reason;
    }
  }

  private readToolCallDelta(delta: JsonObject, out: CanonicalStreamEvent[]): void {
    const key = typeof delta.index === 'number' ? delta.index : 0;
    const id = asString(delta.id) || undefined;
    const fn = asJsonObject(delta.function) ?? {};
    const name = asString(fn.name) || undefined;
    const fragment = asString(fn.arguments) ?? '';

    let call = this.toolCallsByIndex.get(key);
    if (!call || (id !== undefined && call.id !== undefined && !call.idWasMadeUp && id !== call.id)) {
      if (!call && id === undefined && name === undefined && fragment === '') return;
      call = { pendingArguments: '', closed: false };
      this.toolCallsByIndex.set(key, call);
      this.toolCalls.push(call);
    }
    call.id ??= id;
    call.name ??= name;

    if (call.blockIndex === undefined) {
      call.pendingArguments += fragment;
      // A server that never sends an id gets one made up once the arguments start.
      if (call.name !== undefined && (call.id !== undefined || fragment !== '')) this.openToolCall(call, out);
      return;
    }
    if (fragment === '') return;
    if (call.closed) {
      throw new GatewayError(
        'upstream',
        'the upstream interleaved the arguments of several tool calls, which cannot be translated into sequential blocks',
      );
    }
    out.push({ type: 'tool_arguments_delta', index: call.blockIndex, json: fragment });
  }

  private openToolCall(call: StreamedToolCall, out: CanonicalStreamEvent[]): void {
    this.closeOpenBlock(out);
    if (call.id === undefined) {
      call.id = this.newId('call');
      call.idWasMadeUp = true;
    }
    const index = this.nextBlockIndex++;
    call.blockIndex = index;
    out.push({ type: 'block_start', index, block: { type: 'tool_call', id: call.id, name: call.name ?? '' } });
    this.openBlock = { index, kind: 'tool_call', call };
    if (call.pendingArguments !== '') {
      out.push({ type: 'tool_arguments_delta', index, json: call.pendingArguments });
      call.pendingArguments = '';
    }
  }

  /** The index of the open block of `kind`, opening one (and closing the open block of another kind) if needed. */
  private blockOf(kind: 'text' | 'thinking', out: CanonicalStreamEvent[]): number {
    if (this.openBlock?.kind === kind) return this.openBlock.index;
    this.closeOpenBlock(out);
    const index = this.nextBlockIndex++;
    out.push({ type: 'block_start', index, block: { type: kind } });
    this.openBlock = { index, kind };
    return index;
  }

  private closeOpenBlock(out: CanonicalStreamEvent[]): void {
    if (!this.openBlock) return;
    out.push({ type: 'block_stop', index: this.openBlock.index });
    if (this.openBlock.call) this.openBlock.call.closed = true;
    this.openBlock = undefined;
  }

  /** Closes the open block, then opens and closes calls that got a name but never an id. Calls without a name are lost. */
  private closeBlocks(out: CanonicalStreamEvent[]): void {
    this.closeOpenBlock(out);
    for (const call of this.toolCalls) {
      if (call.blockIndex !== undefined || call.name === undefined) continue;
      this.openToolCall(call, out);
      this.closeOpenBlock(out);
    }
  }

  private complete(out: CanonicalStreamEvent[]): void {
    this.ended = true;
    if (!this.started) {
      out.push({ type: 'error', error: new GatewayError('upstream', 'the upstream stream ended without sending anything', { retryable: true }) });
      return;
    }
    this.closeBlocks(out);
    const stop = stopFromOpenAIChatFinishReason(this.finishReason, {
      hasToolCalls: this.toolCalls.some((call) => call.blockIndex !== undefined),
      refused: this.sawRefusal && !this.sawText,
      matchedStop: this.matchedStop,
    });
    out.push({ type: 'stop', ...stop }, { type: 'end' });
  }
}

function parseJson(data: string): JsonObject | undefined {
  try {
    return asJsonObject(JSON.parse(data));
  } catch {
    return undefined;
  }
}
