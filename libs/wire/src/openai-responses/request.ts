import { z } from 'zod';
import { integerSchema, jsonObjectSchema, positiveIntegerSchema, stringMapSchema } from '../field-schemas';
import { openUnion } from '../open-union';
import { openAIResponsesInputItemSchema } from './input-item';

// https://platform.openai.com/docs/api-reference/responses/create

/** A function tool: flat, unlike Chat Completions' `{ type, function: {...} }`. Built-in tools pass unchecked. */
export const openAIResponsesFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string(),
  description: z.string().nullish(),
  parameters: jsonObjectSchema.nullish(),
  strict: z.boolean().nullish(),
});

export const openAIResponsesToolSchema = openUnion({ function: openAIResponsesFunctionToolSchema });

/** `"none" | "auto" | "required"` or an object naming the tool. */
export const openAIResponsesToolChoiceSchema = z.union([
  z.string(),
  openUnion({ function: z.looseObject({ type: z.literal('function'), name: z.string() }) }),
]);

export const openAIResponsesTextFormatSchema = openUnion({
  text: z.looseObject({ type: z.literal('text') }),
  json_object: z.looseObject({ type: z.literal('json_object') }),
  json_schema: z.looseObject({
    type: z.literal('json_schema'),
    name: z.string(),
    schema: jsonObjectSchema,
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
});

export const openAIResponsesTextConfigSchema = z.looseObject({
  format: openAIResponsesTextFormatSchema.nullish(),
  verbosity: z.string().nullish(),
});

export const openAIResponsesReasoningConfigSchema = z.looseObject({
  /** `"none" | "minimal" | "low" | "medium" | "high" | "xhigh"` today. */
  effort: z.string().nullish(),
  summary: z.string().nullish(),
});

/**
 * The body of `POST /v1/responses`. `model` is required here although OpenAI lets a stored prompt supply it:
 * the gateway routes on it. Fields not listed pass through unchecked.
 */
export const openAIResponsesRequestSchema = z.looseObject({
  model: z.string(),
  input: z.union([z.string(), z.array(openAIResponsesInputItemSchema)]).nullish(),
  instructions: z.string().nullish(),
  tools: z.array(openAIResponsesToolSchema).nullish(),
  tool_choice: openAIResponsesToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  max_output_tokens: positiveIntegerSchema.nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  top_logprobs: integerSchema.nullish(),
  metadata: stringMapSchema.nullish(),
  store: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  reasoning: openAIResponsesReasoningConfigSchema.nullish(),
  text: openAIResponsesTextConfigSchema.nullish(),
  stream: z.boolean().nullish(),
  include: z.array(z.string()).nullish(),
  truncation: z.string().nullish(),
  user: z.string().nullish(),
  background: z.boolean().nullish(),
});

export type OpenAIResponsesFunctionTool = z.infer<typeof openAIResponsesFunctionToolSchema>;
export type OpenAIResponsesTool = z.infer<typeof openAIResponsesToolSchema>;
export type OpenAIResponsesToolChoice = z.infer<typeof openAIResponsesToolChoiceSchema>;
export type OpenAIResponsesTextFormat = z.infer<typeof openAIResponsesTextFormatSchema>;
export type OpenAIResponsesTextConfig = z.infer<typeof openAIResponsesTextConfigSchema>;
export type OpenAIResponsesReasoningConfig = z.infer<typeof openAIResponsesReasoningConfigSchema>;
export type OpenAIResponsesRequest = z.infer<typeof openAIResponsesRequestSchema>;
