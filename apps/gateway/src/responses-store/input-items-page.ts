import { type OpenAIResponsesItem } from '@gatehouse/translate';
import { type InputItemsPage, type InputItemsQuery } from './responses-store';

/**
 * One page of input items in OpenAI's list format: in the order asked for, starting after the item `after` names
 * (an id not among them gives an empty page), `limit` long.
 */
export function inputItemsPage(items: readonly OpenAIResponsesItem[], query: InputItemsQuery): InputItemsPage {
  const ordered = query.order === 'asc' ? [...items] : [...items].reverse();
  const start = query.after === undefined ? 0 : ordered.findIndex((item) => item.id === query.after) + 1;
  const data = start === 0 && query.after !== undefined ? [] : ordered.slice(start, start + query.limit);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: data.length > 0 && start + data.length < ordered.length,
  };
}
