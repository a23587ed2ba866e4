import { Inject, Injectable } from '@nestjs/common';
import {
  type CanonicalMessage,
  type ContentPart,
  type DecodedOpenAIResponsesInput,
  decodeOpenAIResponsesOutput,
  decodeOpenAIResponsesRequest,
  isGatewayError,
  type OpenAIResponsesDecodedRequest,
  openAIResponsesInputItems,
  type TranslationContext,
} from '@gatehouse/translate';
import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type GatehouseConfig } from '../config';
import { GATEHOUSE_CONFIG } from '../config/config.token';
import { appendTurns } from './conversation-turns';
import { previousResponseNotFound } from './previous-response-not-found';
import { type ResponseChain, type ResponsesStore } from './responses-store';
import { ResponseRecordTooLargeError } from './responses-store-limits';
import { RESPONSES_STORE } from './responses-store.token';
import { orStoreUnavailable } from './store-unavailable';
import { type StoredResponse, type StoredResponseObject } from './stored-response';

/** What `record` was given: the call's owner, the client's body, and the response object as returned. */
export interface ResponseToRecord {
  owner: string;
  request: OpenAIResponsesRequest;
  response: StoredResponseObject;
  /** This turn's decoded input (`resolve(...).input`); decoded from `request` when absent. */
  input?: DecodedOpenAIResponsesInput;
  /**
   * The answer in canonical form (`canonical.content`, or `OpenAIResponsesStreamEncoder.canonicalResponse.content`):
   * it keeps thinking signatures that the Responses format drops. Decoded from `response.output` when absent.
   */
  output?: ContentPart[];
  ctx: Pick<TranslationContext, 'now' | 'newId'>;
}

export type RecordOutcome = { stored: true } | { stored: false; reason: string };

/**
 * Conversations of the Responses API over the store: `previous_response_id` resolved into the conversation to send,
 * and finished responses recorded for the next turn and for GET /v1/responses/{id}.
 */
@Injectable()
export class ResponsesConversation {
  private readonly ttlMs: number;

  constructor(
    @Inject(RESPONSES_STORE) private readonly store: ResponsesStore,
    @Inject(GATEHOUSE_CONFIG) config: GatehouseConfig,
  ) {
    this.ttlMs = config.responses.ttl;
  }

  /**
   * The request decoded, with the stored conversation of `previous_response_id` (earlier inputs and outputs, oldest
   * first) before this turn's input. The earlier responses' `instructions` are not carried over, as OpenAI documents
   * (https://platform.openai.com/docs/api-reference/responses/create#responses-create-instructions); system and
   * developer messages of their input are. Throws GatewayError 400 with OpenAI's message for an unknown, expired or
   * another owner's previous response, and the decoder's 400s for input it cannot translate.
   */
  async resolve(body: OpenAIResponsesRequest, owner: string, ctx?: TranslationContext): Promise<OpenAIResponsesDecodedRequest> {
    const decoded = decodeOpenAIResponsesRequest(body, ctx);
    const previousId = body.previous_response_id;
    if (!previousId) return decoded;
    const chain = await this.chainOf(previousId, owner);
    const instructions = decoded.value.system.slice(0, decoded.value.system.length - decoded.input.system.length);
    const messages: CanonicalMessage[] = [];
    for (const record of chain.records) appendTurns(messages, record.turn.messages);
    appendTurns(messages, decoded.input.messages);
    const warnings = [...decoded.warnings];
    if (chain.truncated) warnings.push(truncationWarning(chain));
    return {
      ...decoded,
      value: {
        ...decoded.value,
        system: [...instructions, ...chain.records.flatMap((record) => record.turn.system), ...decoded.input.system],
        messages,
      },
      warnings,
    };
  }

  /**
   * For a target that speaks the Responses API itself: the client's body with the stored conversation's items before
   * its input and `previous_response_id` removed (the upstream knows none of the gateway's ids). Items go without
   * their ids and statuses, which point into a store the upstream does not share; reasoning goes only when it carries
   * its encrypted content, and other items of built-in tools not at all.
   */
  async expandForPassThrough(body: Record<string, unknown>, owner: string): Promise<{ body: Record<string, unknown>; warnings: string[] }> {
    const previousId = body.previous_response_id;
    if (typeof previousId !== 'string' || previousId === '') return { body, warnings: [] };
    const chain = await this.chainOf(previousId, owner);
    const warnings = chain.truncated ? [truncationWarning(chain)] : [];
    const history: Record<string, unknown>[] = [];
    let dropped = false;
    for (const record of chain.records) {
      const output = Array.isArray(record.response.output) ? (record.response.output as Record<string, unknown>[]) : [];
      for (const item of [...record.inputItems, ...output]) {
        const replayed = replayableItem(item);
        if (replayed) history.push(replayed);
        else dropped = true;
      }
    }
    if (dropped) warnings.push('left out stored reasoning without encrypted content and built-in tool items: the upstream cannot take them back');
    const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : Array.isArray(body.input) ? body.input : [];
    const expanded: Record<string, unknown> = { ...body, input: [...history, ...input] };
    delete expanded.previous_response_id;
    return { body: expanded, warnings };
  }

  /**
   * Stores a finished response for `responses.ttl`, unless the request said `store: false`. A record over the size
   * cap, or a request whose input cannot be decoded (it went through unchanged to a Responses upstream), is not
   * stored and says why; store errors (Redis down) reject.
   */
  async record(entry: ResponseToRecord): Promise<RecordOutcome> {
    const { request, response } = entry;
    if (request.store === false) return { stored: false, reason: 'the request said store: false' };
    let input = entry.input;
    if (!input) {
      try {
        input = decodeOpenAIResponsesRequest(request).input;
      } catch (error) {
        if (isGatewayError(error)) return { stored: false, reason: `its input cannot be kept as a conversation: ${error.message}` };
        throw error;
      }
    }
    const output = entry.output ?? decodeOpenAIResponsesOutput(response.output).content;
    const messages: CanonicalMessage[] = [];
    appendTurns(messages, input.messages);
    appendTurns(messages, [{ role: 'assistant', content: output }]);
    const record: StoredResponse = {
      id: response.id,
      owner: entry.owner,
      createdAt: entry.ctx.now(),
      inputItems: openAIResponsesInputItems(request.input, entry.ctx.newId),
      response,
      turn: { system: input.system, messages },
    };
    if (request.previous_response_id) record.previousResponseId = request.previous_response_id;
    if (request.instructions) record.instructions = request.instructions;
    try {
      await this.store.put(record, this.ttlMs);
    } catch (error) {
      if (error instanceof ResponseRecordTooLargeError) return { stored: false, reason: error.message };
      throw error;
    }
    return { stored: true };
  }

  private async chainOf(previousId: string, owner: string): Promise<ResponseChain> {
    const chain = await orStoreUnavailable(() => this.store.chain(previousId, owner));
    if (!chain) throw previousResponseNotFound(previousId);
    return chain;
  }
}

function truncationWarning(chain: ResponseChain): string {
  return `sent only the newest ${chain.records.length} stored responses of the conversation: earlier ones are gone or over the store's caps`;
}

/** A stored item as an upstream Responses API takes it back as input; undefined for what it cannot take. */
function replayableItem(item: Record<string, unknown>): Record<string, unknown> | undefined {
  switch (item.type) {
    case 'message':
    case 'function_call':
    case 'function_call_output': {
      const copy = structuredClone(item);
      delete copy.id;
      delete copy.status;
      return copy;
    }
    case 'reasoning':
      return typeof item.encrypted_content === 'string' ? structuredClone(item) : undefined;
    default:
      return undefined;
  }
}
