import { z } from 'zod';

// https://platform.openai.com/docs/guides/error-codes — the Chat Completions and Responses APIs share this shape.

export const openAIErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.string(),
    type: z.string().nullish(),
    param: z.string().nullish(),
    /** A string at OpenAI; some compatible servers (vLLM) put the HTTP status number here. */
    code: z.union([z.string(), z.number()]).nullish(),
  }),
});

export type OpenAIErrorBody = z.infer<typeof openAIErrorBodySchema>;
