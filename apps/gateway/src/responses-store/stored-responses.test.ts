import { GatewayError } from '@gatehouse/translate';
import { describe, expect, it } from 'vitest';
import { MemoryResponsesStore } from './memory-responses-store';
import { StoredResponses } from './stored-responses';

async function setup() {
  const response = { id: 'resp_1', object: 'response', status: 'completed' };
  const store = new MemoryResponsesStore({ maxItems: 10 });
  await store.put(
    {
      id: 'resp_1',
      owner: 'team:a',
      createdAt: 0,
      inputItems: [
        { id: 'msg_1', type: 'message', role: 'user', content: [] },
        { id: 'msg_2', type: 'message', role: 'user', content: [] },
      ],
      response,
      turn: { system: [], messages: [] },
    },
    60_000,
  );
  return new StoredResponses(store);
}

describe('StoredResponses', () => {
  it('retrieves the response object, lists input items newest first, and deletes', async () => {
    const stored = await setup();
    expect(await stored.retrieve('resp_1', 'team:a')).toEqual({ id: 'resp_1', object: 'response', status: 'completed' });
    expect(await stored.inputItems('resp_1', 'team:a')).toMatchObject({ object: 'list', first_id: 'msg_2', last_id: 'msg_1', has_more: false });
    expect(await stored.inputItems('resp_1', 'team:a', { limit: '1', order: 'asc' })).toMatchObject({ first_id: 'msg_1', has_more: true });
    expect(await stored.delete('resp_1', 'team:a')).toEqual({ id: 'resp_1', object: 'response', deleted: true });
  });

  it.each([
    ['retrieve', (stored: StoredResponses) => stored.retrieve('resp_1', 'team:b')],
    ['delete', (stored: StoredResponses) => stored.delete('resp_1', 'team:b')],
    ['input items', (stored: StoredResponses) => stored.inputItems('resp_1', 'team:b')],
    ['an unknown id', (stored: StoredResponses) => stored.retrieve('resp_2', 'team:a')],
  ])('answers 404 for another owner or an unknown id: %s', async (_case, call) => {
    const attempt = call(await setup());
    await expect(attempt).rejects.toBeInstanceOf(GatewayError);
    await expect(attempt).rejects.toMatchObject({ code: 'not_found', status: 404, message: expect.stringMatching(/^Response with id 'resp_\d' not found\.$/) });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ order: 'newest' }, 'order'],
  ])('answers 400 for the query %j', async (params, param) => {
    await expect((await setup()).inputItems('resp_1', 'team:a', params)).rejects.toMatchObject({ status: 400, param });
  });
});
