import { z } from 'zod';

/** The answer of `DELETE /v1/responses/{id}` (https://platform.openai.com/docs/api-reference/responses/delete). */
export const openAIResponseDeletedSchema = z.looseObject({
  id: z.string(),
  object: z.literal('response'),
  deleted: z.literal(true),
});

export type OpenAIResponseDeleted = z.infer<typeof openAIResponseDeletedSchema>;
