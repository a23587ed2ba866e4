import { z } from 'zod';
import { integerSchema, jsonObjectSchema, positiveIntegerSchema, stringMapSchema } from '../field-schemas';
import { openUnion } from '../open-union';
import { openAIChatMessageSchema } from './message';

// https://platform.openai.com/docs/api-reference/chat/create

export const openAIChatFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    description: z.string().nullish(),
    parameters: jsonObjectSchema.nullish(),
    strict: z.boolean().nullish(),
  }),
});

export const openAIChatCustomToolSchema = z.looseObject({
  type: z.literal('custom'),
  custom: z.looseObject({ name: z.string(), description: z.string().nullish() }),
});

export const openAIChatToolSchema = openUnion({ function: openAIChatFunctionToolSchema, custom: openAIChatCustomToolSchema });

/** `"none" | "auto" | "required"` or an object naming the tool. */
export const openAIChatToolChoiceSchema = z.union([
  z.string(),
  openUnion({
    function: z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
    custom: z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string() }) }),
    allowed_tools: z.looseObject({ type: z.literal('allowed_tools'), allowed_tools: z.looseObject({ mode: z.string() }) }),
  }),
]);

export const openAIChatResponseFormatSchema = openUnion({
  text: z.looseObject({ type: z.literal('text') }),
  json_object: z.looseObject({ type: z.literal('json_object') }),
  json_schema: z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().nullish(),
      schema: jsonObjectSchema.nullish(),
      strict: z.boolean().nullish(),
    }),
  }),
});

/** The body of `POST /v1/chat/completions`. Fields not listed here pass through unchecked. */
export const openAIChatRequestSchema = z.looseObject({
  model: z.string(),
  messages: z.array(openAIChatMessageSchema),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: positiveIntegerSchema.nullish(),
  max_completion_tokens: positiveIntegerSchema.nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  n: positiveIntegerSchema.nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  tools: z.array(openAIChatToolSchema).nullish(),
  tool_choice: openAIChatToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: openAIChatResponseFormatSchema.nullish(),
  reasoning_effort: z.string().nullish(),
  user: z.string().nullish(),
  seed: integerSchema.nullish(),
  frequency_penalty: z.number().nullish(),
  presence_penalty: z.number().nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: integerSchema.nullish(),
  metadata: stringMapSchema.nullish(),
});

export type OpenAIChatFunctionTool = z.infer<typeof openAIChatFunctionToolSchema>;
export type OpenAIChatCustomTool = z.infer<typeof openAIChatCustomToolSchema>;
export type OpenAIChatTool = z.infer<typeof openAIChatToolSchema>;
export type OpenAIChatToolChoice = z.infer<typeof openAIChatToolChoiceSchema>;
export type OpenAIChatResponseFormat = z.infer<typeof openAIChatResponseFormatSchema>;
export type OpenAIChatRequest = z.infer<typeof openAIChatRequestSchema>;
