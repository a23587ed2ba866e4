import { z } from 'zod';
import { openUnion } from '../open-union';

export const openAIChatFunctionToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  /** `arguments` is a JSON text, as the model wrote it; it may not parse. */
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

export const openAIChatCustomToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('custom'),
  custom: z.looseObject({ name: z.string(), input: z.string() }),
});

/** An entry of an assistant message's `tool_calls`. */
export const openAIChatToolCallSchema = openUnion({
  function: openAIChatFunctionToolCallSchema,
  custom: openAIChatCustomToolCallSchema,
});

export type OpenAIChatFunctionToolCall = z.infer<typeof openAIChatFunctionToolCallSchema>;
export type OpenAIChatCustomToolCall = z.infer<typeof openAIChatCustomToolCallSchema>;
export type OpenAIChatToolCall = z.infer<typeof openAIChatToolCallSchema>;
