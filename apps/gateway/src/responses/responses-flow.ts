import { Readable, pipeline } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CanonicalResponse, type OpenAIResponsesDecodedRequest } from '@gatehouse/translate';
import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type Principal } from '../auth/principal';
import { InboundRequest } from '../proxy/inbound-request';
import { type ProxiedAnswer } from '../proxy/proxied-answer';
import { translationContextFor } from '../proxy/translation-context-factory';
import { ResponsesConversation } from '../responses-store/responses-conversation';
import { responsesOwnerOf } from '../responses-store/responses-owner';
import { type StoredResponseObject } from '../responses-store/stored-response';
import { EndAfterStored } from './end-after-stored';

/** How long an answer waits for its response to be stored (Redis is one or two round trips away). */
const STORE_WAIT_MS = 2000;

/** What the Responses API adds to a proxied call: the stored conversation before it, the stored response after. */
@Injectable()
export class ResponsesFlow {
  private readonly logger = new Logger('ResponsesFlow');

  constructor(@Inject(ResponsesConversation) private readonly conversation: ResponsesConversation) {}

  ownerOf(principal: Principal | undefined): string {
    return responsesOwnerOf(principal);
  }

  /** The request decoded for translation, with the conversation of `previous_response_id` before this turn. */
  decode(inbound: InboundRequest, owner: string): Promise<OpenAIResponsesDecodedRequest> {
    return this.conversation.resolve(inbound.json as OpenAIResponsesRequest, owner, translationContextFor(inbound.model));
  }

  /** For a target that speaks the Responses API itself: the body with the stored items before its input. */
  async forPassThrough(inbound: InboundRequest, owner: string): Promise<{ inbound: InboundRequest; warnings: string[] }> {
    if (typeof inbound.json.previous_response_id !== 'string') return { inbound, warnings: [] };
    const { body, warnings } = await this.conversation.expandForPassThrough(inbound.json, owner);
    return { inbound: new InboundRequest(Buffer.from(JSON.stringify(body)), body), warnings };
  }

  /**
   * The body to send for an answer of the Responses API, stored when it is complete unless the request said
   * `store: false`. The client must be able to use a response as soon as it has it (read it back, continue it
   * through previous_response_id, on any gateway process), so storing comes first: before a JSON answer is sent,
   * and before a stream ends. A store that fails or is slow (past `STORE_WAIT_MS`) is logged, never the client's.
   */
  async bodyStoredWhenDone(
    owner: string,
    inbound: InboundRequest,
    answer: ProxiedAnswer,
    decoded?: Promise<OpenAIResponsesDecodedRequest>,
  ): Promise<Readable | string | Buffer> {
    const store =
      inbound.json.store === false
        ? () => Promise.resolve()
        : () =>
            this.storeWithin(STORE_WAIT_MS, async () => {
              const completed = answer.completedResponse?.();
              if (completed) await this.record(owner, inbound, completed, await decoded);
            });
    if (!(answer.body instanceof Readable)) {
      await store();
      return answer.body;
    }
    // Piped on before anything is awaited: the stream may be flowing already (the request tracker watches its first chunk).
    const body = new EndAfterStored(store);
    pipeline(answer.body, body, () => undefined);
    return body;
  }

  /** Stores a finished response for later turns and GET /v1/responses/{id}; a failure is logged, never thrown. */
  async record(
    owner: string,
    inbound: InboundRequest,
    completed: { clientResponse: Record<string, unknown>; canonical?: CanonicalResponse },
    decoded?: OpenAIResponsesDecodedRequest,
  ): Promise<void> {
    const ctx = translationContextFor(inbound.model);
    try {
      const outcome = await this.conversation.record({
        owner,
        request: inbound.json as OpenAIResponsesRequest,
        response: completed.clientResponse as unknown as StoredResponseObject,
        input: decoded?.input,
        output: completed.canonical?.content,
        ctx,
      });
      if (!outcome.stored && inbound.json.store !== false) this.logger.warn(`response not stored: ${outcome.reason}`);
    } catch (error) {
      this.logger.error(`could not store a response: ${String(error)}`);
    }
  }

  /** Runs `store`, resolving when it settles or after `ms`, whichever comes first; never rejects. */
  private async storeWithin(ms: number, store: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(`storing a response took over ${ms} ms: answered without waiting for it`);
        resolve();
      }, ms);
    });
    await Promise.race([store().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }
}
