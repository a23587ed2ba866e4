import { z } from 'zod';
import { openUnion } from '../open-union';
import { openAIResponsesOutputTextSchema, openAIResponsesReasoningSummarySchema, openAIResponsesReasoningTextSchema, openAIResponsesRefusalSchema } from './input-item';

// https://platform.openai.com/docs/api-reference/responses/object#responses/object-output

export const openAIResponsesOutputMessageSchema = z.looseObject({
  type: z.literal('message'),
  id: z.string(),
  role: z.literal('assistant'),
  /** `in_progress | completed | incomplete`. */
  status: z.string(),
  content: z.array(openUnion({ output_text: openAIResponsesOutputTextSchema, refusal: openAIResponsesRefusalSchema })),
});

export const openAIResponsesOutputFunctionCallSchema = z.looseObject({
  type: z.literal('function_call'),
  id: z.string().nullish(),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  status: z.string().nullish(),
});

export const openAIResponsesOutputReasoningSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string(),
  summary: z.array(openAIResponsesReasoningSummarySchema),
  content: z.array(openAIResponsesReasoningTextSchema).nullish(),
  encrypted_content: z.string().nullish(),
  status: z.string().nullish(),
});

/** One entry of a response's `output`; items of other types (tool calls of built-in tools, ...) pass unchecked. */
export const openAIResponsesOutputItemSchema = openUnion({
  message: openAIResponsesOutputMessageSchema,
  function_call: openAIResponsesOutputFunctionCallSchema,
  reasoning: openAIResponsesOutputReasoningSchema,
});

export type OpenAIResponsesOutputMessage = z.infer<typeof openAIResponsesOutputMessageSchema>;
export type OpenAIResponsesOutputFunctionCall = z.infer<typeof openAIResponsesOutputFunctionCallSchema>;
export type OpenAIResponsesOutputReasoning = z.infer<typeof openAIResponsesOutputReasoningSchema>;
export type OpenAIResponsesOutputItem = z.infer<typeof openAIResponsesOutputItemSchema>;
