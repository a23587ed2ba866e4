import { Inject, Injectable } from '@nestjs/common';
import { GatewayError } from '@gatehouse/translate';
import { type InputItemsPage, type InputItemsQuery, type ResponsesStore } from './responses-store';
import { RESPONSES_STORE } from './responses-store.token';
import { orStoreUnavailable } from './store-unavailable';
import { type StoredResponseObject } from './stored-response';

/** The raw query of `GET /v1/responses/{id}/input_items`. */
export interface InputItemsQueryParams {
  after?: unknown;
  limit?: unknown;
  order?: unknown;
}

/** `DELETE /v1/responses/{id}`'s answer (https://platform.openai.com/docs/api-reference/responses/delete). */
export interface ResponseDeleted {
  id: string;
  object: 'response';
  deleted: true;
}

/**
 * What `GET /v1/responses/{id}`, `DELETE /v1/responses/{id}` and `GET /v1/responses/{id}/input_items` answer, for
 * one owner. An unknown, expired or another owner's id is a 404 in all three.
 * https://platform.openai.com/docs/api-reference/responses/get
 */
@Injectable()
export class StoredResponses {
  constructor(@Inject(RESPONSES_STORE) private readonly store: ResponsesStore) {}

  /** The response object as it was returned when it was made. */
  async retrieve(id: string, owner: string): Promise<StoredResponseObject> {
    const record = await orStoreUnavailable(() => this.store.get(id, owner));
    if (!record) throw responseNotFound(id);
    return record.response;
  }

  async delete(id: string, owner: string): Promise<ResponseDeleted> {
    if (!(await orStoreUnavailable(() => this.store.delete(id, owner)))) throw responseNotFound(id);
    return { id, object: 'response', deleted: true };
  }

  /** A page of the response's input items; `limit` 1 to 100 (default 20), `order` asc or desc (default desc). */
  async inputItems(id: string, owner: string, params: InputItemsQueryParams = {}): Promise<InputItemsPage> {
    const query = inputItemsQuery(params);
    const page = await orStoreUnavailable(() => this.store.inputItems(id, owner, query));
    if (!page) throw responseNotFound(id);
    return page;
  }
}

export function responseNotFound(id: string): GatewayError {
  return new GatewayError('not_found', `Response with id '${id}' not found.`);
}

function inputItemsQuery(params: InputItemsQueryParams): InputItemsQuery {
  const limit = params.limit === undefined || params.limit === '' ? 20 : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new GatewayError('invalid_request', 'limit must be an integer from 1 to 100', { param: 'limit' });
  }
  const order = params.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new GatewayError('invalid_request', 'order must be asc or desc', { param: 'order' });
  const query: InputItemsQuery = { limit, order };
  if (typeof params.after === 'string' && params.after !== '') query.after = params.after;
  return query;
}
