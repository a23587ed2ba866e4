import { z } from 'zod';
import { openAIResponsesInputItemSchema } from './input-item';

/** The answer of `GET /v1/responses/{id}/input_items` (https://platform.openai.com/docs/api-reference/responses/input-items). */
export const openAIResponsesInputItemListSchema = z.looseObject({
  object: z.literal('list'),
  data: z.array(openAIResponsesInputItemSchema),
  first_id: z.string().nullish(),
  last_id: z.string().nullish(),
  has_more: z.boolean(),
});

export type OpenAIResponsesInputItemList = z.infer<typeof openAIResponsesInputItemListSchema>;
