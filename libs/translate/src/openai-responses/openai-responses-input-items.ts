import { type OpenAIResponsesRequest } from '@gatehouse/wire';

/** An item of a Responses conversation as stored and listed: a JSON object with a `type` and an `id`. */
export type OpenAIResponsesItem = Record<string, unknown> & { id: string; type: string };

const ID_PREFIX_BY_TYPE: Record<string, string> = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  reasoning: 'rs',
};

/**
 * A request's `input` as `GET /v1/responses/{id}/input_items` lists it: every item with a `type` and an `id` (the
 * client's, else a new one), a string input as one user message, message content as a list of parts.
 * https://platform.openai.com/docs/api-reference/responses/input-items
 * The items are copies; `newId` makes ids with OpenAI's prefixes (`msg`, `fc`, `rs`, ...).
 */
export function openAIResponsesInputItems(input: OpenAIResponsesRequest['input'], newId: (prefix: string) => string): OpenAIResponsesItem[] {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') {
    return [{ id: newId('msg'), type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: input }] }];
  }
  return input.map((entry) => {
    const item = structuredClone(entry) as Record<string, unknown>;
    const type = typeof item.type === 'string' ? item.type : 'role' in item ? 'message' : 'item_reference';
    const id = typeof item.id === 'string' && item.id !== '' ? item.id : newId(ID_PREFIX_BY_TYPE[type] ?? 'item');
    if (type === 'message') {
      const partType = item.role === 'assistant' ? 'output_text' : 'input_text';
      if (typeof item.content === 'string') {
        item.content = [partType === 'output_text' ? { type: partType, text: item.content, annotations: [] } : { type: partType, text: item.content }];
      }
      item.status ??= 'completed';
    }
    return { ...item, id, type };
  });
}
