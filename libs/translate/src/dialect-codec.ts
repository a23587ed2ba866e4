import { type SseEvent } from '@gatehouse/sse';
import {
  AnthropicMessagesStreamDecoder,
  AnthropicMessagesStreamEncoder,
  decodeAnthropicMessagesRequest,
  decodeAnthropicMessagesResponse,
  encodeAnthropicMessagesRequest,
  encodeAnthropicMessagesResponse,
} from './anthropic-messages/index';
import { type CanonicalRequest } from './canonical/canonical-request';
import { type CanonicalResponse } from './canonical/canonical-response';
import { type CanonicalStreamEvent } from './canonical/canonical-stream-event';
import { type StreamMachine, type Translated, type TranslationContext } from './canonical/translation-context';
import { type Dialect } from './dialect';
import {
  OpenAIChatStreamDecoder,
  OpenAIChatStreamEncoder,
  decodeOpenAIChatRequest,
  decodeOpenAIChatResponse,
  encodeOpenAIChatRequest,
  encodeOpenAIChatResponse,
} from './openai-chat/index';
import {
  OpenAIResponsesStreamDecoder,
  OpenAIResponsesStreamEncoder,
  decodeOpenAIResponsesRequest,
  decodeOpenAIResponsesResponse,
  encodeOpenAIResponsesRequest,
  encodeOpenAIResponsesResponse,
  DEFAULT_OPENAI_RESPONSES_ECHO,
  openAIResponsesEchoOf,
} from './openai-responses/index';
import { type TokenUsage } from './usage/token-usage';

/** What the target's model config says about requests to it. */
export interface RequestEncodeOptions {
  /** max_tokens when the client gave none (Anthropic requires one). */
  defaultMaxTokens?: number;
  /** The OpenAI-compatible target takes `reasoning_content` on earlier assistant turns (vLLM, DeepSeek). */
  acceptsReasoningContent?: boolean;
}

export interface DecodedRequest extends Translated<CanonicalRequest> {
  /** The client asked for a usage report at the end of its stream (OpenAI's stream_options.include_usage). */
  includeUsage: boolean;
}

export interface StreamEncoder extends StreamMachine<CanonicalStreamEvent, SseEvent> {
  readonly usage: TokenUsage;
  /** After the end: the whole answer as the client's dialect would have returned it unstreamed (for the Responses store). */
  completedResponse?(): { clientResponse: object; canonical: CanonicalResponse } | undefined;
}

/** How a client's answer is encoded: `clientRequest` is its request body, which some dialects echo (Responses). */
export interface ClientEncodeOptions {
  includeUsage: boolean;
  clientRequest?: unknown;
}

/** One dialect's codecs, so that the gateway translates any client dialect to any target dialect through one path. */
export interface DialectCodec {
  decodeRequest(body: unknown, ctx: TranslationContext): DecodedRequest;
  encodeRequest(request: CanonicalRequest, options: RequestEncodeOptions): Translated<object>;
  decodeResponse(body: unknown): CanonicalResponse;
  encodeResponse(response: CanonicalResponse, ctx: TranslationContext, clientRequest?: unknown): object;
  streamDecoder(ctx: TranslationContext): StreamMachine<SseEvent, CanonicalStreamEvent>;
  streamEncoder(ctx: TranslationContext, options: ClientEncodeOptions): StreamEncoder;
}

const openAIChatCodec: DialectCodec = {
  decodeRequest: (body, ctx) => decodeOpenAIChatRequest(body as Parameters<typeof decodeOpenAIChatRequest>[0], ctx),
  encodeRequest: (request, options) => encodeOpenAIChatRequest(request, { acceptsReasoningContent: options.acceptsReasoningContent }),
  decodeResponse: decodeOpenAIChatResponse,
  encodeResponse: encodeOpenAIChatResponse,
  streamDecoder: (ctx) => new OpenAIChatStreamDecoder({ newId: ctx.newId }),
  streamEncoder: (ctx, options) => new OpenAIChatStreamEncoder(ctx, options),
};

const anthropicMessagesCodec: DialectCodec = {
  decodeRequest: (body, ctx) => ({
    ...decodeAnthropicMessagesRequest(body as Parameters<typeof decodeAnthropicMessagesRequest>[0], ctx),
    includeUsage: true,
  }),
  encodeRequest: (request, options) => encodeAnthropicMessagesRequest(request, { defaultMaxTokens: options.defaultMaxTokens }),
  decodeResponse: decodeAnthropicMessagesResponse,
  encodeResponse: encodeAnthropicMessagesResponse,
  streamDecoder: () => new AnthropicMessagesStreamDecoder(),
  streamEncoder: (ctx) => new AnthropicMessagesStreamEncoder(ctx),
};

/**
 * Responses through the generic path answer with OpenAI's defaults for the request fields a response repeats; the
 * /v1/responses flow calls the codec's functions itself, with the echo of the client's request.
 */
const openAIResponsesCodec: DialectCodec = {
  decodeRequest: (body, ctx) => decodeOpenAIResponsesRequest(body as Parameters<typeof decodeOpenAIResponsesRequest>[0], ctx),
  encodeRequest: (request) => encodeOpenAIResponsesRequest(request),
  decodeResponse: decodeOpenAIResponsesResponse,
  encodeResponse: (response, ctx, clientRequest) => encodeOpenAIResponsesResponse(response, ctx, echoOf(clientRequest)),
  streamDecoder: () => new OpenAIResponsesStreamDecoder(),
  streamEncoder: (ctx, options) => {
    const encoder = new OpenAIResponsesStreamEncoder(ctx, { echo: echoOf(options.clientRequest) });
    return Object.assign(encoder, {
      completedResponse: () => (encoder.response ? { clientResponse: encoder.response, canonical: encoder.canonicalResponse } : undefined),
    });
  },
};

/** A Responses answer repeats the client's settings (instructions, tools, temperature, …), as OpenAI's does. */
function echoOf(clientRequest: unknown): ReturnType<typeof openAIResponsesEchoOf> {
  return clientRequest === undefined ? DEFAULT_OPENAI_RESPONSES_ECHO : openAIResponsesEchoOf(clientRequest as Parameters<typeof openAIResponsesEchoOf>[0]);
}

/** The codecs by dialect. */
export const dialectCodecs: Partial<Record<Dialect, DialectCodec>> = {
  'openai-chat': openAIChatCodec,
  'openai-responses': openAIResponsesCodec,
  'anthropic-messages': anthropicMessagesCodec,
};
