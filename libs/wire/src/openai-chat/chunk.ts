import { z } from 'zod';
import { openAIChatUsageSchema } from './usage';

// https://platform.openai.com/docs/api-reference/chat-streaming/streaming

export const openAIChatToolCallDeltaSchema = z.looseObject({
  index: z.number(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export const openAIChatDeltaSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(openAIChatToolCallDeltaSchema).nullish(),
  /** Not OpenAI's: vLLM, DeepSeek and others stream reasoning here... */
  reasoning_content: z.string().nullish(),
  /** ...and OpenRouter and newer vLLM here. */
  reasoning: z.string().nullish(),
});

export const openAIChatChunkChoiceSchema = z.looseObject({
  index: z.number(),
  delta: openAIChatDeltaSchema,
  finish_reason: z.string().nullish(),
  logprobs: z.unknown().optional(),
});

/**
 * One `chat.completion.chunk` (the `data:` of one SSE event; the stream ends with `data: [DONE]`).
 * With `stream_options.include_usage`, the last chunk has empty `choices` and the `usage`.
 */
export const openAIChatChunkSchema = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number(),
  model: z.string(),
  choices: z.array(openAIChatChunkChoiceSchema),
  usage: openAIChatUsageSchema.nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
});

export type OpenAIChatToolCallDelta = z.infer<typeof openAIChatToolCallDeltaSchema>;
export type OpenAIChatDelta = z.infer<typeof openAIChatDeltaSchema>;
export type OpenAIChatChunkChoice = z.infer<typeof openAIChatChunkChoiceSchema>;
export type OpenAIChatChunk = z.infer<typeof openAIChatChunkSchema>;
