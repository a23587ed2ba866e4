import { type OpenAIResponsesItem } from '@gatehouse/translate';
import { type StoredResponse } from './stored-response';

export interface InputItemsQuery {
  /** The id of the item the page starts after, in the order asked for. */
  after?: string;
  /** 1 to 100. */
  limit: number;
  order: 'asc' | 'desc';
}

/** OpenAI's list format (https://platform.openai.com/docs/api-reference/responses/input-items). */
export interface InputItemsPage {
  object: 'list';
  data: OpenAIResponsesItem[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export interface ResponseChain {
  /** The conversation's responses, oldest first, ending with the one asked for. */
  records: StoredResponse[];
  /** Older responses were left out: gone (expired, deleted) or beyond the depth and size caps. */
  truncated: boolean;
}

/**
 * Where Responses live between calls, per owner. Implemented over Redis (shared by gateway processes) and in
 * memory; one test suite runs against both. Reads by another owner find nothing, exactly as an unknown id.
 */
export interface ResponsesStore {
  /** Stores (or replaces) a record for `ttlMs`; throws ResponseRecordTooLargeError above the record size cap. */
  put(record: StoredResponse, ttlMs: number): Promise<void>;
  get(id: string, owner: string): Promise<StoredResponse | undefined>;
  /** Whether there was such a record of this owner to delete. */
  delete(id: string, owner: string): Promise<boolean>;
  /** A page of the record's input items; undefined when there is no such record of this owner. */
  inputItems(id: string, owner: string, query: InputItemsQuery): Promise<InputItemsPage | undefined>;
  /**
   * The conversation that ends with `id`, oldest first, in few round trips: every record knows its ancestors' ids,
   * so they are fetched together. At most `maxDepth` responses (and the store's byte cap); undefined when there is
   * no such record of this owner.
   */
  chain(id: string, owner: string, maxDepth?: number): Promise<ResponseChain | undefined>;
}
