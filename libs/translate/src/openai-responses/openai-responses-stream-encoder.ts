import { type SseEvent } from '@gatehouse/sse';
import { type ContentPart } from '../canonical/canonical-request';
import { type CanonicalResponse, type StopReason } from '../canonical/canonical-response';
import { type CanonicalStreamEvent, type StreamBlock } from '../canonical/canonical-stream-event';
import { type StreamMachine, type TranslationContext } from '../canonical/translation-context';
import { GatewayError } from '../gateway-error';
import { parseUpstreamToolArguments } from '../openai-chat/tool-arguments';
import { emptyUsage, type TokenUsage } from '../usage/token-usage';
import { DEFAULT_OPENAI_RESPONSES_ECHO, type OpenAIResponsesEcho } from './openai-responses-echo';
import {
  type OpenAIResponsesOutputItemBody,
  type OutputFunctionCallItem,
  type OutputItemStatus,
  type OutputMessageItem,
  type OutputReasoningItem,
  outputTextPart,
  summaryTextPart,
} from './openai-responses-output-items';
import {
  type OpenAIResponsesErrorBody,
  openAIResponseObject,
  type OpenAIResponsesResponseBody,
  type OpenAIResponsesStatus,
} from './openai-responses-response-object';
import { openAIResponsesOutcome } from './openai-responses-status';
import { openAIResponsesUsage } from './openai-responses-usage';

export interface OpenAIResponsesStreamEncoderOptions {
  /** The request fields the response object repeats (`openAIResponsesEchoOf(body)`); OpenAI's defaults without it. */
  echo?: OpenAIResponsesEcho;
}

/** The last output item, still open: a message or reasoning item may get more parts, a function call its `done`. */
type OpenItem =
  | { kind: 'message'; outputIndex: number; item: OutputMessageItem; part?: { blockIndex: number; contentIndex: number } }
  | { kind: 'reasoning'; outputIndex: number; item: OutputReasoningItem; part?: { blockIndex: number; summaryIndex: number } }
  | { kind: 'function_call'; outputIndex: number; item: OutputFunctionCallItem; blockIndex: number; argumentsDone: boolean };

interface Stop {
  stopReason: StopReason;
  stopSequence?: string;
  rawStopReason?: string;
}

/**
 * Canonical stream events → the Responses API's stream events, every delta passed on as it comes.
 * https://platform.openai.com/docs/api-reference/responses-streaming
 *
 * `response.created` and `response.in_progress` open the stream (with the response so far: no output, no usage).
 * Each canonical block is a part of an output item: consecutive text blocks are `output_text` parts of one assistant
 * message, consecutive thinking blocks summary parts of one reasoning item, each tool call a function_call item
 * (`call_id` = the canonical id). A part ends at its block's stop (`output_text.done` + `content_part.done`,
 * `reasoning_summary_text.done` + `reasoning_summary_part.done`, `function_call_arguments.done`); an item ends when
 * the next item opens or at the stop (`output_item.done`), so its status can tell a cut answer (`incomplete`).
 * The stream ends with `response.completed` or `response.incomplete` carrying the whole response and its usage;
 * an error ends it with `response.failed`. Every event has `type` (repeated on the `event:` line) and
 * `sequence_number` 0, 1, 2, … Redacted thinking and signatures have no place on this wire: they are kept in
 * `canonicalResponse`, for a conversation store that sends them back to the provider that wrote them.
 */
export class OpenAIResponsesStreamEncoder implements StreamMachine<CanonicalStreamEvent, SseEvent> {
  /** The id of the response this stream describes (`ctx.newId('resp')`), known from the start. */
  readonly responseId: string;
  private readonly createdAt: number;
  private readonly echo: OpenAIResponsesEcho;
  private sequence = 0;
  private created = false;
  private finished = false;
  private readonly output: OpenAIResponsesOutputItemBody[] = [];
  private current: OpenItem | undefined;
  private stop: Stop | undefined;
  private finalResponse: OpenAIResponsesResponseBody | undefined;
  private readonly usageSoFar = emptyUsage();
  private upstream = { id: '', model: '' };
  /** The canonical parts by block index, in opening order, for `canonicalResponse`; tool arguments as text until the end. */
  private readonly parts = new Map<number, ContentPart>();
  private readonly toolArguments = new Map<number, string>();

  constructor(
    private readonly ctx: TranslationContext,
    options: OpenAIResponsesStreamEncoderOptions = {},
  ) {
    this.responseId = ctx.newId('resp');
    this.createdAt = Math.floor(ctx.now() / 1000);
    this.echo = options.echo ?? DEFAULT_OPENAI_RESPONSES_ECHO;
  }

  /** Usage so far, from the canonical events seen. */
  get usage(): TokenUsage {
    return { ...this.usageSoFar };
  }

  /** The finished response object, as the last event carried it (completed, incomplete or failed); undefined before. */
  get response(): OpenAIResponsesResponseBody | undefined {
    return this.finalResponse === undefined ? undefined : structuredClone(this.finalResponse);
  }

  /** The answer in canonical form, signatures and redacted thinking included, as far as it went. */
  get canonicalResponse(): CanonicalResponse {
    const content = [...this.parts.entries()].flatMap(([index, part]): ContentPart[] => {
      if (part.type === 'tool_call') return [{ ...part, arguments: parseUpstreamToolArguments(this.toolArguments.get(index) ?? '') }];
      if (part.type === 'text' && part.text === '') return [];
      return [structuredClone(part)];
    });
    const response: CanonicalResponse = {
      id: this.upstream.id,
      model: this.upstream.model,
      content,
      stopReason: this.stop?.stopReason ?? 'other',
      usage: this.usage,
    };
    if (this.stop?.stopSequence !== undefined) response.stopSequence = this.stop.stopSequence;
    if (this.stop?.rawStopReason !== undefined) response.rawStopReason = this.stop.rawStopReason;
    return response;
  }

  push(event: CanonicalStreamEvent): SseEvent[] {
    if (this.finished) return [];
    const out: SseEvent[] = [];
    switch (event.type) {
      case 'start':
        this.upstream = { id: event.id, model: event.model };
        if (event.usage) this.addUsage(event.usage);
        this.ensureCreated(out);
        break;
      case 'block_start':
        this.blockStart(event.index, event.block, out);
        break;
      case 'text_delta':
        this.textDelta(event.index, event.text, out);
        break;
      case 'thinking_delta':
        this.thinkingDelta(event.index, event.text, out);
        break;
      case 'signature_delta': {
        const part = this.parts.get(event.index);
        if (part?.type === 'thinking') part.signature = (part.signature ?? '') + event.signature;
        break;
      }
      case 'tool_arguments_delta':
        this.argumentsDelta(event.index, event.json, out);
        break;
      case 'block_stop':
        this.blockStop(event.index, out);
        break;
      case 'usage':
        this.addUsage(event.usage);
        break;
      case 'stop':
        this.ensureCreated(out);
        this.stop = { stopReason: event.stopReason, stopSequence: event.stopSequence, rawStopReason: event.rawStopReason };
        this.closeItem(out, this.itemStatusAtStop());
        break;
      case 'end':
        this.ensureCreated(out);
        this.stop ??= { stopReason: 'end_turn' };
        this.closeItem(out, this.itemStatusAtStop());
        this.finish(out);
        break;
      case 'error':
        this.fail(event.error, out);
        break;
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled stream event ${JSON.stringify(unreachable)}`);
      }
    }
    return out;
  }

  /** A canonical stream that stops without `end` or `error` was cut: the response fails. */
  end(): SseEvent[] {
    if (this.finished) return [];
    const out: SseEvent[] = [];
    this.fail(new GatewayError('upstream', 'the response stream ended unexpectedly'), out);
    return out;
  }

  private blockStart(index: number, block: StreamBlock, out: SseEvent[]): void {
    this.ensureCreated(out);
    switch (block.type) {
      case 'text': {
        if (!this.parts.has(index)) this.parts.set(index, { type: 'text', text: '' });
        const message = this.current?.kind === 'message' ? this.current : this.openItem(out, 'message');
        this.closePart(out);
        const contentIndex = message.item.content.length;
        message.item.content.push(outputTextPart(''));
        message.part = { blockIndex: index, contentIndex };
        this.emit(out, 'response.content_part.added', {
          item_id: message.item.id,
          output_index: message.outputIndex,
          content_index: contentIndex,
          part: outputTextPart(''),
        });
        break;
      }
      case 'thinking': {
        if (!this.parts.has(index)) this.parts.set(index, { type: 'thinking', text: '' });
        const reasoning = this.current?.kind === 'reasoning' ? this.current : this.openItem(out, 'reasoning');
        this.closePart(out);
        const summaryIndex = reasoning.item.summary.length;
        reasoning.item.summary.push(summaryTextPart(''));
        reasoning.part = { blockIndex: index, summaryIndex };
        this.emit(out, 'response.reasoning_summary_part.added', {
          item_id: reasoning.item.id,
          output_index: reasoning.outputIndex,
          summary_index: summaryIndex,
          part: summaryTextPart(''),
        });
        break;
      }
      case 'redacted_thinking':
        this.parts.set(index, { type: 'redacted_thinking', data: block.data });
        break;
      case 'tool_call': {
        this.parts.set(index, { type: 'tool_call', id: block.id, name: block.name, arguments: {} });
        this.toolArguments.set(index, '');
        this.closeItem(out, 'completed');
        const item: OutputFunctionCallItem = {
          id: this.ctx.newId('fc'),
          type: 'function_call',
          status: 'in_progress',
          arguments: '',
          call_id: block.id,
          name: block.name,
        };
        this.current = { kind: 'function_call', outputIndex: this.output.length, item, blockIndex: index, argumentsDone: false };
        this.output.push(item);
        this.emit(out, 'response.output_item.added', { output_index: this.current.outputIndex, item: structuredClone(item) });
        break;
      }
      default: {
        const unreachable: never = block;
        throw new Error(`unhandled stream block ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private textDelta(index: number, text: string, out: SseEvent[]): void {
    if (text === '') return;
    if (!(this.current?.kind === 'message' && this.current.part?.blockIndex === index)) this.blockStart(index, { type: 'text' }, out);
    const message = this.current as Extract<OpenItem, { kind: 'message' }>;
    const contentIndex = message.part!.contentIndex;
    message.item.content[contentIndex]!.text += text;
    (this.parts.get(index) as { text: string }).text += text;
    this.emit(out, 'response.output_text.delta', {
      item_id: message.item.id,
      output_index: message.outputIndex,
      content_index: contentIndex,
      delta: text,
      logprobs: [],
    });
  }

  private thinkingDelta(index: number, text: string, out: SseEvent[]): void {
    if (text === '') return;
    if (!(this.current?.kind === 'reasoning' && this.current.part?.blockIndex === index)) this.blockStart(index, { type: 'thinking' }, out);
    const reasoning = this.current as Extract<OpenItem, { kind: 'reasoning' }>;
    const summaryIndex = reasoning.part!.summaryIndex;
    reasoning.item.summary[summaryIndex]!.text += text;
    (this.parts.get(index) as { text: string }).text += text;
    this.emit(out, 'response.reasoning_summary_text.delta', {
      item_id: reasoning.item.id,
      output_index: reasoning.outputIndex,
      summary_index: summaryIndex,
      delta: text,
    });
  }

  /** Arguments for a call that is not the open item cannot be placed in the client's stream (canonical blocks are sequential). */
  private argumentsDelta(index: number, json: string, out: SseEvent[]): void {
    const call = this.current;
    if (json === '' || call?.kind !== 'function_call' || call.blockIndex !== index || call.argumentsDone) return;
    call.item.arguments += json;
    this.toolArguments.set(index, (this.toolArguments.get(index) ?? '') + json);
    this.emit(out, 'response.function_call_arguments.delta', { item_id: call.item.id, output_index: call.outputIndex, delta: json });
  }

  private blockStop(index: number, out: SseEvent[]): void {
    const current = this.current;
    if (!current) return;
    if (current.kind === 'function_call') {
      if (current.blockIndex === index) this.finishArguments(current, out);
    } else if (current.part?.blockIndex === index) this.closePart(out);
  }

  private openItem(out: SseEvent[], kind: 'message'): Extract<OpenItem, { kind: 'message' }>;
  private openItem(out: SseEvent[], kind: 'reasoning'): Extract<OpenItem, { kind: 'reasoning' }>;
  private openItem(out: SseEvent[], kind: 'message' | 'reasoning'): OpenItem {
    this.closeItem(out, 'completed');
    const outputIndex = this.output.length;
    const opened: OpenItem =
      kind === 'message'
        ? { kind, outputIndex, item: { id: this.ctx.newId('msg'), type: 'message', status: 'in_progress', role: 'assistant', content: [] } }
        : { kind, outputIndex, item: { id: this.ctx.newId('rs'), type: 'reasoning', summary: [] } };
    this.output.push(opened.item);
    this.current = opened;
    this.emit(out, 'response.output_item.added', { output_index: outputIndex, item: structuredClone(opened.item) });
    return opened;
  }

  /** Ends the open part of the open message or reasoning item. */
  private closePart(out: SseEvent[]): void {
    const current = this.current;
    if (!current || current.kind === 'function_call' || !current.part) return;
    const outputIndex = current.outputIndex;
    if (current.kind === 'message') {
      const contentIndex = current.part.contentIndex;
      const part = current.item.content[contentIndex]!;
      const at = { item_id: current.item.id, output_index: outputIndex, content_index: contentIndex };
      this.emit(out, 'response.output_text.done', { ...at, text: part.text, logprobs: [] });
      this.emit(out, 'response.content_part.done', { ...at, part: structuredClone(part) });
    } else {
      const summaryIndex = current.part.summaryIndex;
      const part = current.item.summary[summaryIndex]!;
      const at = { item_id: current.item.id, output_index: outputIndex, summary_index: summaryIndex };
      this.emit(out, 'response.reasoning_summary_text.done', { ...at, text: part.text });
      this.emit(out, 'response.reasoning_summary_part.done', { ...at, part: structuredClone(part) });
    }
    current.part = undefined;
  }

  private finishArguments(call: Extract<OpenItem, { kind: 'function_call' }>, out: SseEvent[]): void {
    if (call.argumentsDone) return;
    call.argumentsDone = true;
    this.emit(out, 'response.function_call_arguments.done', {
      item_id: call.item.id,
      output_index: call.outputIndex,
      name: call.item.name,
      arguments: call.item.arguments,
    });
  }

  /** Ends the open item: its open part first, then `output_item.done` with its final status. */
  private closeItem(out: SseEvent[], status: OutputItemStatus): void {
    const current = this.current;
    if (!current) return;
    if (current.kind === 'function_call') this.finishArguments(current, out);
    else this.closePart(out);
    if (current.item.type !== 'reasoning') current.item.status = status;
    this.emit(out, 'response.output_item.done', { output_index: current.outputIndex, item: structuredClone(current.item) });
    this.current = undefined;
  }

  /** The last item of a cut or withheld answer is incomplete. */
  private itemStatusAtStop(): OutputItemStatus {
    return this.stop && openAIResponsesOutcome(this.stop.stopReason).status === 'incomplete' ? 'incomplete' : 'completed';
  }

  private ensureCreated(out: SseEvent[]): void {
    if (this.created) return;
    this.created = true;
    const opening = this.responseObject('in_progress', null);
    this.emit(out, 'response.created', { response: opening });
    this.emit(out, 'response.in_progress', { response: structuredClone(opening) });
  }

  private finish(out: SseEvent[]): void {
    const outcome = openAIResponsesOutcome(this.stop!.stopReason);
    this.finalResponse = this.responseObject(outcome.status, null, outcome.incomplete_details);
    this.emit(out, outcome.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: structuredClone(this.finalResponse) });
    this.finished = true;
  }

  /**
   * `response.failed`, with the output so far (an item left open is `incomplete`). OpenAI's own failures come this
   * way, and the official SDKs and the AI SDK read `response.error` from it.
   */
  private fail(error: GatewayError, out: SseEvent[]): void {
    this.ensureCreated(out);
    const current = this.current;
    if (current && current.item.type !== 'reasoning') current.item.status = 'incomplete';
    this.current = undefined;
    this.finalResponse = this.responseObject('failed', { code: responsesErrorCode(error), message: error.message });
    this.emit(out, 'response.failed', { response: structuredClone(this.finalResponse) });
    this.finished = true;
  }

  private responseObject(
    status: OpenAIResponsesStatus,
    error: OpenAIResponsesErrorBody | null,
    incompleteDetails: OpenAIResponsesResponseBody['incomplete_details'] = null,
  ): OpenAIResponsesResponseBody {
    return openAIResponseObject({
      id: this.responseId,
      createdAt: this.createdAt,
      model: this.ctx.requestModel,
      status,
      error,
      incompleteDetails,
      output: status === 'in_progress' ? [] : structuredClone(this.output),
      usage: status === 'in_progress' ? null : openAIResponsesUsage(this.usageSoFar),
      echo: this.echo,
    });
  }

  private emit(out: SseEvent[], type: string, fields: Record<string, unknown>): void {
    out.push({ event: type, data: JSON.stringify({ type, sequence_number: this.sequence++, ...fields }) });
  }

  private addUsage(usage: Partial<TokenUsage>): void {
    for (const [field, value] of Object.entries(usage) as [keyof TokenUsage, number | undefined][]) {
      if (value !== undefined) this.usageSoFar[field] = value;
    }
  }
}

/** A failed response's error code, from the codes OpenAI documents for `response.error.code`. */
function responsesErrorCode(error: GatewayError): string {
  return error.code === 'rate_limited' || error.code === 'budget_exceeded' ? 'rate_limit_exceeded' : 'server_error';
}
