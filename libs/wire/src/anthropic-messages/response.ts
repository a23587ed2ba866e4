import { z } from 'zod';
import { openUnion } from '../open-union';

// https://docs.claude.com/en/api/messages — the response `Message`.

/** The stop reasons Anthropic documents; `stop_reason` is read as any string, since new ones appear. */
export type AnthropicStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number(),
  output_tokens: z.number(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation: z
    .looseObject({ ephemeral_5m_input_tokens: z.number().nullish(), ephemeral_1h_input_tokens: z.number().nullish() })
    .nullish(),
  server_tool_use: z.looseObject({ web_search_requests: z.number().nullish() }).nullish(),
  service_tier: z.string().nullish(),
});

export const anthropicResponseTextBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  citations: z.array(z.looseObject({ type: z.string() })).nullish(),
});

export const anthropicResponseThinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string(),
});

export const anthropicResponseRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

export const anthropicResponseToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  /** An object in a response; `{}` in `content_block_start`, the JSON then streamed as `input_json_delta`s. */
  input: z.unknown(),
});

export const anthropicServerToolUseBlockSchema = z.looseObject({
  type: z.literal('server_tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});

/** A block of a response's `content`; blocks of other types (server tool results, ...) pass unchecked. */
export const anthropicResponseContentBlockSchema = openUnion({
  text: anthropicResponseTextBlockSchema,
  thinking: anthropicResponseThinkingBlockSchema,
  redacted_thinking: anthropicResponseRedactedThinkingBlockSchema,
  tool_use: anthropicResponseToolUseBlockSchema,
  server_tool_use: anthropicServerToolUseBlockSchema,
});

export const anthropicMessagesResponseSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message'),
  role: z.literal('assistant'),
  content: z.array(anthropicResponseContentBlockSchema),
  model: z.string(),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  usage: anthropicUsageSchema,
});

export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;
export type AnthropicResponseTextBlock = z.infer<typeof anthropicResponseTextBlockSchema>;
export type AnthropicResponseThinkingBlock = z.infer<typeof anthropicResponseThinkingBlockSchema>;
export type AnthropicResponseRedactedThinkingBlock = z.infer<typeof anthropicResponseRedactedThinkingBlockSchema>;
export type AnthropicResponseToolUseBlock = z.infer<typeof anthropicResponseToolUseBlockSchema>;
export type AnthropicServerToolUseBlock = z.infer<typeof anthropicServerToolUseBlockSchema>;
export type AnthropicResponseContentBlock = z.infer<typeof anthropicResponseContentBlockSchema>;
export type AnthropicMessagesResponse = z.infer<typeof anthropicMessagesResponseSchema>;
