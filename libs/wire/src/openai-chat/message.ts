import { z } from 'zod';
import { openAIChatContentPartSchema } from './content-part';
import { openAIChatToolCallSchema } from './tool-call';

/** The roles OpenAI documents; `role` is checked only as a string, so that a new role reaches the upstream. */
export type OpenAIChatRole = 'developer' | 'system' | 'user' | 'assistant' | 'tool' | 'function';

/**
 * One entry of `messages`, any role. Per-role rules (a tool message needs `tool_call_id`, ...) are left to the
 * upstream or the translator.
 */
export const openAIChatMessageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(openAIChatContentPartSchema), z.null()]).optional(),
  name: z.string().nullish(),
  tool_calls: z.array(openAIChatToolCallSchema).nullish(),
  tool_call_id: z.string().nullish(),
  refusal: z.string().nullish(),
  /** Not OpenAI's: the reasoning text that vLLM, DeepSeek and others return and accept back. */
  reasoning_content: z.string().nullish(),
});

export type OpenAIChatMessage = z.infer<typeof openAIChatMessageSchema>;
