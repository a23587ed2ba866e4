import { z } from 'zod';
import { openAIChatToolCallSchema } from './tool-call';
import { openAIChatUsageSchema } from './usage';

// https://platform.openai.com/docs/api-reference/chat/object

/** The finish reasons OpenAI documents; `finish_reason` is read as any string, since compatible servers add their own. */
export type OpenAIChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export const openAIChatResponseMessageSchema = z.looseObject({
  role: z.literal('assistant'),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(openAIChatToolCallSchema).nullish(),
  annotations: z.array(z.looseObject({ type: z.string() })).nullish(),
  /** Not OpenAI's: the reasoning text of vLLM, DeepSeek and other compatible servers. */
  reasoning_content: z.string().nullish(),
});

export const openAIChatChoiceSchema = z.looseObject({
  index: z.number(),
  message: openAIChatResponseMessageSchema,
  finish_reason: z.string().nullable(),
  logprobs: z.unknown().optional(),
});

/** A non-streamed `chat.completion`. */
export const openAIChatResponseSchema = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number(),
  model: z.string(),
  choices: z.array(openAIChatChoiceSchema),
  usage: openAIChatUsageSchema.nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
});

export type OpenAIChatResponseMessage = z.infer<typeof openAIChatResponseMessageSchema>;
export type OpenAIChatChoice = z.infer<typeof openAIChatChoiceSchema>;
export type OpenAIChatResponse = z.infer<typeof openAIChatResponseSchema>;
