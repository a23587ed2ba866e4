import { type SseEvent } from '@gatehouse/sse';
import { type CanonicalStreamEvent } from '../canonical/canonical-stream-event';
import { type StreamMachine } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { gatewayErrorFromAnthropicError } from './anthropic-error-event';
import { stopReasonFromAnthropic } from './anthropic-stop-reason';
import { tokenUsageFromAnthropic } from './anthropic-usage';

// https://docs.claude.com/en/docs/build-with-claude/streaming

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** The usage counts Anthropic streams; each event carries some of them, `message_delta`'s cumulatively. */
const usageFields = ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const;

/**
 * An Anthropic upstream's SSE events → canonical events. Events are read leniently (a missing `usage`, an unknown
 * event or block type is no error). Blocks only Anthropic understands (server tool calls and results, fallback
 * markers) are skipped and the others renumbered from 0; `citations_delta` is dropped, since a canonical stream
 * carries no citations (a non-streaming response keeps them).
 */
export class AnthropicMessagesStreamDecoder implements StreamMachine<SseEvent, CanonicalStreamEvent> {
  /** Upstream block index → canonical index, or null for a skipped block. */
  private readonly blockIndexes = new Map<number, number | null>();
  private readonly openBlocks = new Set<number>();
  private readonly rawUsage: Json = {};
  private nextIndex = 0;
  private started = false;
  private stopped = false;
  private finished = false;

  push(event: SseEvent): CanonicalStreamEvent[] {
    if (this.finished) return [];
    let payload: Json | undefined;
    try {
      payload = asObject(JSON.parse(event.data));
    } catch {
      payload = undefined;
    }
    if (!payload) return this.fail(new GatewayError('upstream', 'Anthropic sent a stream event that is not a JSON object', { retryable: true }));
    const type = typeof payload.type === 'string' ? payload.type : event.event;
    switch (type) {
      case 'message_start':
        return this.messageStart(asObject(payload.message) ?? {});
      case 'content_block_start':
        return this.blockStart(payload);
      case 'content_block_delta':
        return this.blockDelta(payload);
      case 'content_block_stop':
        return this.blockStop(payload);
      case 'message_delta':
        return this.messageDelta(payload);
      case 'message_stop':
        return this.messageStop();
      case 'error':
        return this.fail(gatewayErrorFromAnthropicError(payload.error));
      default:
        // ping, and event types added later (the docs ask clients to ignore them).
        return [];
    }
  }

  end(): CanonicalStreamEvent[] {
    if (this.finished) return [];
    return this.fail(new GatewayError('upstream', 'the Anthropic stream ended before message_stop', { retryable: true }));
  }

  private fail(error: GatewayError): CanonicalStreamEvent[] {
    this.finished = true;
    return [{ type: 'error', error }];
  }

  private mergeUsage(usage: unknown): boolean {
    const fields = asObject(usage);
    if (!fields) return false;
    let merged = false;
    for (const field of usageFields) {
      if (typeof fields[field] === 'number') {
        this.rawUsage[field] = fields[field];
        merged = true;
      }
    }
    const details = asObject(fields.output_tokens_details);
    if (details && typeof details.thinking_tokens === 'number') {
      this.rawUsage.output_tokens_details = { thinking_tokens: details.thinking_tokens };
      merged = true;
    }
    return merged;
  }

  private messageStart(message: Json): CanonicalStreamEvent[] {
    if (this.started) return [];
    this.started = true;
    const start: CanonicalStreamEvent = {
      type: 'start',
      id: typeof message.id === 'string' ? message.id : '',
      model: typeof message.model === 'string' ? message.model : '',
    };
    if (this.mergeUsage(message.usage)) start.usage = tokenUsageFromAnthropic(this.rawUsage);
    return [start];
  }

  private blockStart(payload: Json): CanonicalStreamEvent[] {
    const upstreamIndex = payload.index;
    const block = asObject(payload.content_block);
    if (typeof upstreamIndex !== 'number' || !block) return [];
    const index = this.nextIndex;
    const out: CanonicalStreamEvent[] = [];
    switch (block.type) {
      case 'text':
        out.push({ type: 'block_start', index, block: { type: 'text' } });
        if (typeof block.text === 'string' && block.text !== '') out.push({ type: 'text_delta', index, text: block.text });
        break;
      case 'thinking':
        out.push({ type: 'block_start', index, block: { type: 'thinking' } });
        if (typeof block.thinking === 'string' && block.thinking !== '') out.push({ type: 'thinking_delta', index, text: block.thinking });
        if (typeof block.signature === 'string' && block.signature !== '') out.push({ type: 'signature_delta', index, signature: block.signature });
        break;
      case 'redacted_thinking':
        out.push({ type: 'block_start', index, block: { type: 'redacted_thinking', data: typeof block.data === 'string' ? block.data : '' } });
        break;
      case 'tool_use': {
        out.push({
          type: 'block_start',
          index,
          block: { type: 'tool_call', id: String(block.id ?? ''), name: String(block.name ?? '') },
        });
        // Anthropic opens with `input: {}` and streams the JSON; a proxy may put the whole input here instead.
        const input = asObject(block.input);
        if (input && Object.keys(input).length > 0) out.push({ type: 'tool_arguments_delta', index, json: JSON.stringify(input) });
        break;
      }
      default:
        this.blockIndexes.set(upstreamIndex, null);
        return [];
    }
    this.blockIndexes.set(upstreamIndex, index);
    this.openBlocks.add(index);
    this.nextIndex++;
    return out;
  }

  private blockDelta(payload: Json): CanonicalStreamEvent[] {
    const index = typeof payload.index === 'number' ? this.blockIndexes.get(payload.index) : undefined;
    const delta = asObject(payload.delta);
    if (index === undefined || index === null || !delta) return [];
    switch (delta.type) {
      case 'text_delta':
        return typeof delta.text === 'string' && delta.text !== '' ? [{ type: 'text_delta', index, text: delta.text }] : [];
      case 'thinking_delta':
        return typeof delta.thinking === 'string' && delta.thinking !== '' ? [{ type: 'thinking_delta', index, text: delta.thinking }] : [];
      case 'signature_delta':
        return typeof delta.signature === 'string' && delta.signature !== ''
          ? [{ type: 'signature_delta', index, signature: delta.signature }]
          : [];
      case 'input_json_delta':
        return typeof delta.partial_json === 'string' && delta.partial_json !== ''
          ? [{ type: 'tool_arguments_delta', index, json: delta.partial_json }]
          : [];
      default:
        // citations_delta and delta types added later.
        return [];
    }
  }

  private blockStop(payload: Json): CanonicalStreamEvent[] {
    const index = typeof payload.index === 'number' ? this.blockIndexes.get(payload.index) : undefined;
    if (index === undefined || index === null || !this.openBlocks.delete(index)) return [];
    return [{ type: 'block_stop', index }];
  }

  private closeOpenBlocks(): CanonicalStreamEvent[] {
    const out: CanonicalStreamEvent[] = [...this.openBlocks].map((index) => ({ type: 'block_stop', index }));
    this.openBlocks.clear();
    return out;
  }

  private messageDelta(payload: Json): CanonicalStreamEvent[] {
    const out: CanonicalStreamEvent[] = [];
    if (this.mergeUsage(payload.usage)) out.push({ type: 'usage', usage: tokenUsageFromAnthropic(this.rawUsage) });
    const delta = asObject(payload.delta);
    if (delta && typeof delta.stop_reason === 'string' && !this.stopped) {
      this.stopped = true;
      out.unshift(...this.closeOpenBlocks());
      const stop: CanonicalStreamEvent = { type: 'stop', ...stopReasonFromAnthropic(delta.stop_reason) };
      if (typeof delta.stop_sequence === 'string') stop.stopSequence = delta.stop_sequence;
      out.push(stop);
    }
    return out;
  }

  private messageStop(): CanonicalStreamEvent[] {
    this.finished = true;
    const out = this.closeOpenBlocks();
    if (!this.stopped) out.push({ type: 'stop', stopReason: 'end_turn' });
    out.push({ type: 'end' });
    return out;
  }
}
