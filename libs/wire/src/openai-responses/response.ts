import { z } from 'zod';
import { stringMapSchema } from '../field-schemas';
import { openAIResponsesInputItemSchema } from './input-item';
import { openAIResponsesOutputItemSchema } from './output-item';
import { openAIResponsesReasoningConfigSchema, openAIResponsesTextConfigSchema } from './request';

// https://platform.openai.com/docs/api-reference/responses/object

/** The statuses OpenAI documents; `status` is read as any string. */
export type OpenAIResponseStatus = 'completed' | 'failed' | 'in_progress' | 'cancelled' | 'queued' | 'incomplete';

export const openAIResponsesUsageSchema = z.looseObject({
  input_tokens: z.number(),
  input_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
  output_tokens: z.number(),
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
  total_tokens: z.number(),
});

/** The `response` object: the answer of `POST /v1/responses` and `GET /v1/responses/{id}`, and inside lifecycle events. */
export const openAIResponseSchema = z.looseObject({
  id: z.string(),
  object: z.literal('response'),
  created_at: z.number(),
  status: z.string().nullish(),
  error: z.looseObject({ code: z.string(), message: z.string() }).nullish(),
  incomplete_details: z.looseObject({ reason: z.string().nullish() }).nullish(),
  instructions: z.union([z.string(), z.array(openAIResponsesInputItemSchema)]).nullish(),
  max_output_tokens: z.number().nullish(),
  model: z.string(),
  output: z.array(openAIResponsesOutputItemSchema),
  parallel_tool_calls: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  reasoning: openAIResponsesReasoningConfigSchema.nullish(),
  store: z.boolean().nullish(),
  temperature: z.number().nullish(),
  text: openAIResponsesTextConfigSchema.nullish(),
  tool_choice: z.unknown().optional(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
  top_p: z.number().nullish(),
  truncation: z.string().nullish(),
  usage: openAIResponsesUsageSchema.nullish(),
  user: z.string().nullish(),
  metadata: stringMapSchema.nullish(),
});

export type OpenAIResponsesUsage = z.infer<typeof openAIResponsesUsageSchema>;
export type OpenAIResponse = z.infer<typeof openAIResponseSchema>;
