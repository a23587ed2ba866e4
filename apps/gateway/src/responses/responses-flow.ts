import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CanonicalResponse, type OpenAIResponsesDecodedRequest } from '@gatehouse/translate';
import { type OpenAIResponsesRequest } from '@gatehouse/wire';
import { type Principal } from '../auth/principal';
import { type InboundRequest } from '../proxy/inbound-request';
import { translationContextFor } from '../proxy/translation-context-factory';
import { ResponsesConversation } from '../responses-store/responses-conversation';
import { responsesOwnerOf } from '../responses-store/responses-owner';
import { type StoredResponseObject } from '../responses-store/stored-response';

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
    return { inbound: { ...inbound, json: body, raw: Buffer.from(JSON.stringify(body)) }, warnings };
  }

  /** Stores a finished response for later turns and GET /v1/responses/{id}; a failure is logged, never the client's. */
  record(
    owner: string,
    inbound: InboundRequest,
    completed: { clientResponse: Record<string, unknown>; canonical?: CanonicalResponse },
    decoded?: OpenAIResponsesDecodedRequest,
  ): void {
    const ctx = translationContextFor(inbound.model);
    this.conversation
      .record({
        owner,
        request: inbound.json as OpenAIResponsesRequest,
        response: completed.clientResponse as unknown as StoredResponseObject,
        input: decoded?.input,
        output: completed.canonical?.content,
        ctx,
      })
      .then((outcome) => {
        if (!outcome.stored && inbound.json.store !== false) this.logger.warn(`response not stored: ${outcome.reason}`);
      })
      .catch((error: unknown) => this.logger.error(`could not store a response: ${String(error)}`));
  }
}
