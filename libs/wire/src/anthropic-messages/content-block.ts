import { z } from 'zod';
import { jsonObjectSchema } from '../field-schemas';
import { openUnion } from '../open-union';

// https://docs.claude.com/en/api/messages — request content blocks.

/** `{ type: "ephemeral", ttl?: "5m" | "1h" }`; read loosely so that a new cache type reaches the upstream. */
export const anthropicCacheControlSchema = z.looseObject({ type: z.string(), ttl: z.string().nullish() });

const cacheControl = anthropicCacheControlSchema.nullish();

export const anthropicTextBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControl,
  citations: z.array(z.looseObject({ type: z.string() })).nullish(),
});

export const anthropicImageSourceSchema = openUnion({
  base64: z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  url: z.looseObject({ type: z.literal('url'), url: z.string() }),
  file: z.looseObject({ type: z.literal('file'), file_id: z.string() }),
});

export const anthropicImageBlockSchema = z.looseObject({
  type: z.literal('image'),
  source: anthropicImageSourceSchema,
  cache_control: cacheControl,
});

export const anthropicDocumentSourceSchema = openUnion({
  /** A PDF. */
  base64: z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  /** Plain text. */
  text: z.looseObject({ type: z.literal('text'), media_type: z.string(), data: z.string() }),
  /** Custom content: a string or text and image blocks. */
  content: z.looseObject({
    type: z.literal('content'),
    content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]),
  }),
  url: z.looseObject({ type: z.literal('url'), url: z.string() }),
  file: z.looseObject({ type: z.literal('file'), file_id: z.string() }),
});

export const anthropicDocumentBlockSchema = z.looseObject({
  type: z.literal('document'),
  source: anthropicDocumentSourceSchema,
  title: z.string().nullish(),
  context: z.string().nullish(),
  citations: z.looseObject({ enabled: z.boolean().nullish() }).nullish(),
  cache_control: cacheControl,
});

export const anthropicToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: jsonObjectSchema,
  cache_control: cacheControl,
});

/** What a `tool_result` may hold besides a string; other block types pass unchecked. */
export const anthropicToolResultContentBlockSchema = openUnion({
  text: anthropicTextBlockSchema,
  image: anthropicImageBlockSchema,
  document: anthropicDocumentBlockSchema,
});

export const anthropicToolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(anthropicToolResultContentBlockSchema)]).optional(),
  is_error: z.boolean().nullish(),
  cache_control: cacheControl,
});

export const anthropicThinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  /** Opaque; must go back to Anthropic unchanged. */
  signature: z.string(),
});

export const anthropicRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

/**
 * A block of a request message's `content`. Blocks of other types (server tool results, search results,
 * container uploads, ...) pass unchecked: keep a default branch when switching on `type`.
 */
export const anthropicContentBlockSchema = openUnion({
  text: anthropicTextBlockSchema,
  image: anthropicImageBlockSchema,
  document: anthropicDocumentBlockSchema,
  tool_use: anthropicToolUseBlockSchema,
  tool_result: anthropicToolResultBlockSchema,
  thinking: anthropicThinkingBlockSchema,
  redacted_thinking: anthropicRedactedThinkingBlockSchema,
});

export type AnthropicCacheControl = z.infer<typeof anthropicCacheControlSchema>;
export type AnthropicTextBlock = z.infer<typeof anthropicTextBlockSchema>;
export type AnthropicImageSource = z.infer<typeof anthropicImageSourceSchema>;
export type AnthropicImageBlock = z.infer<typeof anthropicImageBlockSchema>;
export type AnthropicDocumentSource = z.infer<typeof anthropicDocumentSourceSchema>;
export type AnthropicDocumentBlock = z.infer<typeof anthropicDocumentBlockSchema>;
export type AnthropicToolUseBlock = z.infer<typeof anthropicToolUseBlockSchema>;
export type AnthropicToolResultContentBlock = z.infer<typeof anthropicToolResultContentBlockSchema>;
export type AnthropicToolResultBlock = z.infer<typeof anthropicToolResultBlockSchema>;
export type AnthropicThinkingBlock = z.infer<typeof anthropicThinkingBlockSchema>;
export type AnthropicRedactedThinkingBlock = z.infer<typeof anthropicRedactedThinkingBlockSchema>;
export type AnthropicContentBlock = z.infer<typeof anthropicContentBlockSchema>;
