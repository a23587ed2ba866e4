import { z } from 'zod';
import { openUnion } from '../open-union';
import { anthropicMessagesResponseSchema, anthropicResponseContentBlockSchema } from './response';

// https://docs.claude.com/en/docs/build-with-claude/streaming — the `data:` of each SSE event; its `event:` line
// repeats `type`.

export const anthropicMessageStartEventSchema = z.looseObject({
  type: z.literal('message_start'),
  /** The message so far: empty `content`, `stop_reason` null, input usage counted. */
  message: anthropicMessagesResponseSchema,
});

export const anthropicContentBlockStartEventSchema = z.looseObject({
  type: z.literal('content_block_start'),
  index: z.number(),
  content_block: anthropicResponseContentBlockSchema,
});

export const anthropicTextDeltaSchema = z.looseObject({ type: z.literal('text_delta'), text: z.string() });
export const anthropicInputJsonDeltaSchema = z.looseObject({ type: z.literal('input_json_delta'), partial_json: z.string() });
export const anthropicThinkingDeltaSchema = z.looseObject({ type: z.literal('thinking_delta'), thinking: z.string() });
export const anthropicSignatureDeltaSchema = z.looseObject({ type: z.literal('signature_delta'), signature: z.string() });
export const anthropicCitationsDeltaSchema = z.looseObject({
  type: z.literal('citations_delta'),
  citation: z.looseObject({ type: z.string() }),
});

export const anthropicContentBlockDeltaSchema = openUnion({
  text_delta: anthropicTextDeltaSchema,
  input_json_delta: anthropicInputJsonDeltaSchema,
  thinking_delta: anthropicThinkingDeltaSchema,
  signature_delta: anthropicSignatureDeltaSchema,
  citations_delta: anthropicCitationsDeltaSchema,
});

export const anthropicContentBlockDeltaEventSchema = z.looseObject({
  type: z.literal('content_block_delta'),
  index: z.number(),
  delta: anthropicContentBlockDeltaSchema,
});

export const anthropicContentBlockStopEventSchema = z.looseObject({
  type: z.literal('content_block_stop'),
  index: z.number(),
});

export const anthropicMessageDeltaEventSchema = z.looseObject({
  type: z.literal('message_delta'),
  delta: z.looseObject({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }),
  /** Cumulative counts; `output_tokens` always, the input counts when they changed since `message_start`. */
  usage: z.looseObject({
    output_tokens: z.number(),
    input_tokens: z.number().nullish(),
    cache_creation_input_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
    server_tool_use: z.looseObject({ web_search_requests: z.number().nullish() }).nullish(),
  }),
});

export const anthropicMessageStopEventSchema = z.looseObject({ type: z.literal('message_stop') });

export const anthropicPingEventSchema = z.looseObject({ type: z.literal('ping') });

/** An error after the stream has started (`overloaded_error`, ...); the stream ends after it. */
export const anthropicErrorEventSchema = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({ type: z.string(), message: z.string() }),
});

/** Any Messages stream event; events of other types pass unchecked (the docs ask clients to ignore them). */
export const anthropicStreamEventSchema = openUnion({
  message_start: anthropicMessageStartEventSchema,
  content_block_start: anthropicContentBlockStartEventSchema,
  content_block_delta: anthropicContentBlockDeltaEventSchema,
  content_block_stop: anthropicContentBlockStopEventSchema,
  message_delta: anthropicMessageDeltaEventSchema,
  message_stop: anthropicMessageStopEventSchema,
  ping: anthropicPingEventSchema,
  error: anthropicErrorEventSchema,
});

export type AnthropicMessageStartEvent = z.infer<typeof anthropicMessageStartEventSchema>;
export type AnthropicContentBlockStartEvent = z.infer<typeof anthropicContentBlockStartEventSchema>;
export type AnthropicTextDelta = z.infer<typeof anthropicTextDeltaSchema>;
export type AnthropicInputJsonDelta = z.infer<typeof anthropicInputJsonDeltaSchema>;
export type AnthropicThinkingDelta = z.infer<typeof anthropicThinkingDeltaSchema>;
export type AnthropicSignatureDelta = z.infer<typeof anthropicSignatureDeltaSchema>;
export type AnthropicCitationsDelta = z.infer<typeof anthropicCitationsDeltaSchema>;
export type AnthropicContentBlockDelta = z.infer<typeof anthropicContentBlockDeltaSchema>;
export type AnthropicContentBlockDeltaEvent = z.infer<typeof anthropicContentBlockDeltaEventSchema>;
export type AnthropicContentBlockStopEvent = z.infer<typeof anthropicContentBlockStopEventSchema>;
export type AnthropicMessageDeltaEvent = z.infer<typeof anthropicMessageDeltaEventSchema>;
export type AnthropicMessageStopEvent = z.infer<typeof anthropicMessageStopEventSchema>;
export type AnthropicPingEvent = z.infer<typeof anthropicPingEventSchema>;
export type AnthropicErrorEvent = z.infer<typeof anthropicErrorEventSchema>;
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;
