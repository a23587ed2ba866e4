import { type SseEvent } from '@gatehouse/sse';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type StreamMachine } from '../canonical/translation-context';
import { GatewayError, isGatewayError } from '../gateway-error';
import { asJsonObject, asString, type JsonObject } from '../openai-chat/read-json';
import { emptyUsage, type TokenUsage } from '../usage/token-usage';
import { readOpenAIResponsesUsage } from '../usage/usage-readers';
import { reasoningText } from './decode-openai-responses-output';
import { gatewayErrorFromResponsesError } from './openai-responses-error';
import { stopFromOpenAIResponsesStatus } from './openai-responses-status';

type BlockKind = 'text' | 'thinking' | 'tool_call';

interface StreamedItem {
  type: string;
  /** Something of this item reached the canonical stream (so its `done` event must not repeat it). */
  emitted: boolean;
  /** The canonical block of a function call (opened when the item is added). */
  blockIndex?: number;
  closed: boolean;
  /** Which text of a reasoning item is streamed: its own text or its summary (the first to arrive wins). */
  reasoningSource?: 'content' | 'summary';
  /** The summary part the last reasoning delta belonged to: a new one starts a new paragraph. */
  summaryIndex?: number;
}

/**
 * Upstream Responses API stream events → canonical stream events.
 * https://platform.openai.com/docs/api-reference/responses-streaming
 *
 * Output items come one after another; each text part, reasoning item and function call becomes one canonical block
 * (opened at its first delta, function calls when added, so that their id and name come first). Reasoning is read
 * from `reasoning_text` events when the model streams its own text, else from the summary events (summary parts
 * become paragraphs). An item whose content arrives only in its `done` event (some compatible servers) is emitted
 * then. `response.completed` and `response.incomplete` give the usage, the stop and the end; `response.failed` and
 * `error` events end the stream with an error; a stream that ends before any of them was cut (a retryable error).
 */
export class OpenAIResponsesStreamDecoder implements StreamMachine<SseEvent, CanonicalStreamEvent> {
  private started = false;
  private ended = false;
  private nextBlockIndex = 0;
  private openBlock: { index: number; kind: BlockKind; itemId: string; contentIndex?: number } | undefined;
  private readonly items = new Map<string, StreamedItem>();
  private toolCallCount = 0;
  private sawText = false;
  private sawRefusal = false;
  private readonly usageSoFar = emptyUsage();

  /** Usage as far as the upstream reported it. */
  get usage(): TokenUsage {
    return { ...this.usageSoFar };
  }

  push(event: SseEvent): CanonicalStreamEvent[] {
    if (this.ended) return [];
    const data = event.data.trim();
    if (data === '' || data === '[DONE]') return [];
    const out: CanonicalStreamEvent[] = [];
    try {
      const payload = parseJson(data);
      if (!payload) throw new GatewayError('upstream', 'the upstream stream sent an event that is not a JSON object', { retryable: true });
      this.read(asString(payload.type) ?? event.event ?? '', payload, out);
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      out.push({ type: 'error', error });
      this.ended = true;
    }
    return out;
  }

  end(): CanonicalStreamEvent[] {
    if (this.ended) return [];
    this.ended = true;
    const message = this.started
      ? 'the upstream stream ended before response.completed'
      : 'the upstream stream ended without sending anything';
    return [{ type: 'error', error: new GatewayError('upstream', message, { retryable: true }) }];
  }

  private read(type: string, payload: JsonObject, out: CanonicalStreamEvent[]): void {
    switch (type) {
      case 'response.created':
      case 'response.in_progress':
      case 'response.queued':
        this.ensureStarted(out, asJsonObject(payload.response));
        return;
      case 'response.completed':
      case 'response.incomplete':
        this.complete(asJsonObject(payload.response) ?? {}, type === 'response.completed' ? 'completed' : 'incomplete', out);
        return;
      case 'response.failed':
        throw gatewayErrorFromResponsesError(asJsonObject(asJsonObject(payload.response)?.error), 'the upstream response failed');
      case 'error':
        throw gatewayErrorFromResponsesError(asJsonObject(payload.error) ?? payload, 'the upstream reported an error');
      default:
        break;
    }
    this.ensureStarted(out, undefined);
    const itemId = asString(payload.item_id) ?? '';
    switch (type) {
      case 'response.output_item.added':
        this.itemAdded(asJsonObject(payload.item) ?? {}, out);
        break;
      case 'response.output_item.done':
        this.itemDone(asJsonObject(payload.item) ?? {}, out);
        break;
      case 'response.output_text.delta':
        this.sawText = true;
        this.text(itemId, payload, asString(payload.delta) ?? '', out);
        break;
      case 'response.refusal.delta':
        this.sawRefusal = true;
        this.text(itemId, payload, asString(payload.delta) ?? '', out);
        break;
      case 'response.reasoning_text.delta':
        this.reasoning(itemId, 'content', undefined, asString(payload.delta) ?? '', out);
        break;
      case 'response.reasoning_summary_text.delta':
        this.reasoning(itemId, 'summary', typeof payload.summary_index === 'number' ? payload.summary_index : 0, asString(payload.delta) ?? '', out);
        break;
      case 'response.function_call_arguments.delta':
        this.toolArguments(itemId, asString(payload.delta) ?? '', out);
        break;
      case 'response.function_call_arguments.done': {
        const item = this.items.get(itemId);
        if (item && !item.emitted) this.toolArguments(itemId, asString(payload.arguments) ?? '', out);
        break;
      }
      default:
        break; // content part boundaries, `done` events that repeat the deltas, built-in tool progress
    }
  }

  private ensureStarted(out: CanonicalStreamEvent[], response: JsonObject | undefined): void {
    if (this.started) return;
    this.started = true;
    out.push({ type: 'start', id: asString(response?.id) ?? '', model: asString(response?.model) ?? '' });
  }

  private itemAdded(item: JsonObject, out: CanonicalStreamEvent[]): void {
    const id = asString(item.id) ?? asString(item.call_id) ?? '';
    const type = asString(item.type) ?? '';
    const streamed: StreamedItem = { type, emitted: false, closed: false };
    this.items.set(id, streamed);
    if (type !== 'function_call') return;
    this.closeOpenBlock(out);
    const index = this.nextBlockIndex++;
    streamed.blockIndex = index;
    this.toolCallCount++;
    out.push({ type: 'block_start', index, block: { type: 'tool_call', id: asString(item.call_id) ?? id, name: asString(item.name) ?? '' } });
    this.openBlock = { index, kind: 'tool_call', itemId: id };
    const initial = asString(item.arguments) ?? '';
    if (initial !== '') this.toolArguments(id, initial, out);
  }

  /** Closes the item's block; emits what the item holds when none of it was streamed. */
  private itemDone(item: JsonObject, out: CanonicalStreamEvent[]): void {
    const id = asString(item.id) ?? asString(item.call_id) ?? '';
    let streamed = this.items.get(id);
    if (!streamed) {
      this.itemAdded(item, out);
      streamed = this.items.get(id)!;
    }
    if (!streamed.emitted) {
      switch (streamed.type) {
        case 'message':
          (Array.isArray(item.content) ? (item.content as JsonObject[]) : []).forEach((part, contentIndex) => {
            const text = asString(part?.text) ?? asString(part?.refusal) ?? '';
            if (part?.type === 'output_text' && text !== '') this.sawText = true;
            if (part?.type === 'refusal') this.sawRefusal = true;
            this.text(id, { content_index: contentIndex }, text, out);
          });
          break;
        case 'reasoning':
          this.reasoning(id, 'content', undefined, reasoningText(item), out);
          break;
        case 'function_call':
          this.toolArguments(id, asString(item.arguments) ?? '', out);
          break;
        default:
          break;
      }
    }
    streamed.closed = true;
    if (this.openBlock?.itemId === id) this.closeOpenBlock(out);
  }

  private text(itemId: string, payload: JsonObject, delta: string, out: CanonicalStreamEvent[]): void {
    if (delta === '') return;
    const contentIndex = typeof payload.content_index === 'number' ? payload.content_index : 0;
    const open = this.openBlock;
    let index: number;
    if (open?.kind === 'text' && open.itemId === itemId && open.contentIndex === contentIndex) index = open.index;
    else index = this.open('text', itemId, out, contentIndex);
    this.markEmitted(itemId, 'message');
    out.push({ type: 'text_delta', index, text: delta });
  }

  private reasoning(itemId: string, source: 'content' | 'summary', summaryIndex: number | undefined, delta: string, out: CanonicalStreamEvent[]): void {
    if (delta === '') return;
    const item = this.markEmitted(itemId, 'reasoning');
    item.reasoningSource ??= source;
    if (item.reasoningSource !== source) return; // the same reasoning told twice: keep the first telling
    const open = this.openBlock;
    let index: number;
    let text = delta;
    if (open?.kind === 'thinking' && open.itemId === itemId) {
      index = open.index;
      if (summaryIndex !== undefined && item.summaryIndex !== undefined && summaryIndex !== item.summaryIndex) text = `\n\n${delta}`;
    } else index = this.open('thinking', itemId, out);
    if (summaryIndex !== undefined) item.summaryIndex = summaryIndex;
    out.push({ type: 'thinking_delta', index, text });
  }

  private toolArguments(itemId: string, json: string, out: CanonicalStreamEvent[]): void {
    const item = this.items.get(itemId);
    if (!item || item.blockIndex === undefined || json === '') return;
    if (this.openBlock?.itemId !== itemId) {
      throw new GatewayError('upstream', 'the upstream interleaved the arguments of several function calls, which cannot be translated into sequential blocks');
    }
    item.emitted = true;
    out.push({ type: 'tool_arguments_delta', index: item.blockIndex, json });
  }

  private markEmitted(itemId: string, type: string): StreamedItem {
    let item = this.items.get(itemId);
    if (!item) {
      item = { type, emitted: false, closed: false };
      this.items.set(itemId, item);
    }
    item.emitted = true;
    return item;
  }

  private open(kind: 'text' | 'thinking', itemId: string, out: CanonicalStreamEvent[], contentIndex?: number): number {
    this.closeOpenBlock(out);
    const index = this.nextBlockIndex++;
    out.push({ type: 'block_start', index, block: { type: kind } });
    this.openBlock = { index, kind, itemId, contentIndex };
    return index;
  }

  private closeOpenBlock(out: CanonicalStreamEvent[]): void {
    if (!this.openBlock) return;
    out.push({ type: 'block_stop', index: this.openBlock.index });
    this.openBlock = undefined;
  }

  private complete(response: JsonObject, statusOfEvent: string, out: CanonicalStreamEvent[]): void {
    this.ensureStarted(out, response);
    this.closeOpenBlock(out);
    if (response.usage) {
      readOpenAIResponsesUsage(response.usage, this.usageSoFar);
      out.push({ type: 'usage', usage: { ...this.usageSoFar } });
    }
    const stop = stopFromOpenAIResponsesStatus(asString(response.status) ?? statusOfEvent, asString(asJsonObject(response.incomplete_details)?.reason), {
      hasToolCalls: this.toolCallCount > 0,
      refused: this.sawRefusal && !this.sawText,
    });
    out.push({ type: 'stop', ...stop }, { type: 'end' });
    this.ended = true;
  }
}

function parseJson(data: string): JsonObject | undefined {
  try {
    return asJsonObject(JSON.parse(data));
  } catch {
    return undefined;
  }
}
