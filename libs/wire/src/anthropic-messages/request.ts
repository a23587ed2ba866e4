import { z } from 'zod';
import { integerSchema, jsonObjectSchema, nonNegativeIntegerSchema } from '../field-schemas';
import { openUnion } from '../open-union';
import { anthropicCacheControlSchema, anthropicContentBlockSchema, anthropicTextBlockSchema } from './content-block';

// https://docs.claude.com/en/api/messages

/** The roles Anthropic documents; `role` is checked only as a string, so that a new role reaches the upstream. */
export type AnthropicRole = 'user' | 'assistant';

export const anthropicMessageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(anthropicContentBlockSchema)]),
});

/** `system`: a string or text blocks (which may carry `cache_control`). */
export const anthropicSystemSchema = z.union([z.string(), z.array(anthropicTextBlockSchema)]);

/**
 * A client tool (`name`, `input_schema`, `description`) or a server tool (`type: "web_search_20250305"`, ...):
 * every tool has a name; the rest is left to the upstream.
 */
export const anthropicToolSchema = z.looseObject({
  name: z.string(),
  type: z.string().nullish(),
  description: z.string().nullish(),
  input_schema: jsonObjectSchema.nullish(),
  cache_control: anthropicCacheControlSchema.nullish(),
});

export const anthropicToolChoiceSchema = openUnion({
  auto: z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().nullish() }),
  any: z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().nullish() }),
  tool: z.looseObject({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().nullish() }),
  none: z.looseObject({ type: z.literal('none') }),
});

export const anthropicThinkingConfigSchema = openUnion({
  enabled: z.looseObject({ type: z.literal('enabled'), budget_tokens: integerSchema, display: z.string().nullish() }),
  disabled: z.looseObject({ type: z.literal('disabled') }),
  /** The model decides how much to think; `output_config.effort` steers it. */
  adaptive: z.looseObject({ type: z.literal('adaptive'), display: z.string().nullish() }),
});

export const anthropicOutputConfigSchema = z.looseObject({
  /** `"low" | "medium" | "high" | "xhigh" | "max"` today. */
  effort: z.string().nullish(),
  format: z.looseObject({ type: z.string() }).nullish(),
});

/**
 * `max_tokens` may be 0: Anthropic documents that as "populate the prompt cache without generating a response"
 * (https://docs.claude.com/en/docs/build-with-claude/prompt-caching#pre-warming-the-cache).
 */
export const anthropicMaxTokensSchema = nonNegativeIntegerSchema;

/** The fields `POST /v1/messages` and `POST /v1/messages/count_tokens` share. */
const sharedRequestFields = {
  model: z.string(),
  messages: z.array(anthropicMessageSchema),
  system: anthropicSystemSchema.nullish(),
  tools: z.array(anthropicToolSchema).nullish(),
  tool_choice: anthropicToolChoiceSchema.nullish(),
  thinking: anthropicThinkingConfigSchema.nullish(),
  output_config: anthropicOutputConfigSchema.nullish(),
};

/** The body of `POST /v1/messages`. Fields not listed here (`context_management`, `container`, `mcp_servers`, ...) pass through unchecked. */
export const anthropicMessagesRequestSchema = z.looseObject({
  ...sharedRequestFields,
  max_tokens: anthropicMaxTokensSchema,
  stream: z.boolean().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  top_k: integerSchema.nullish(),
  stop_sequences: z.array(z.string()).nullish(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).nullish(),
  service_tier: z.string().nullish(),
});

/** The body of `POST /v1/messages/count_tokens` (https://docs.claude.com/en/api/messages-count-tokens). */
export const anthropicCountTokensRequestSchema = z.looseObject(sharedRequestFields);

/** The answer of `POST /v1/messages/count_tokens`. */
export const anthropicCountTokensResponseSchema = z.looseObject({ input_tokens: z.number() });

export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;
export type AnthropicSystem = z.infer<typeof anthropicSystemSchema>;
export type AnthropicTool = z.infer<typeof anthropicToolSchema>;
export type AnthropicToolChoice = z.infer<typeof anthropicToolChoiceSchema>;
export type AnthropicThinkingConfig = z.infer<typeof anthropicThinkingConfigSchema>;
export type AnthropicOutputConfig = z.infer<typeof anthropicOutputConfigSchema>;
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;
export type AnthropicCountTokensRequest = z.infer<typeof anthropicCountTokensRequestSchema>;
export type AnthropicCountTokensResponse = z.infer<typeof anthropicCountTokensResponseSchema>;
