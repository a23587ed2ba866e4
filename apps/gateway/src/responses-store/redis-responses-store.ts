import { type Redis } from 'ioredis';
import { inputItemsPage } from './input-items-page';
import { newestAncestors } from './newest-ancestors';
import { type InputItemsPage, type InputItemsQuery, type ResponseChain, type ResponsesStore } from './responses-store';
import { DEFAULT_RESPONSES_STORE_LIMITS, ResponseRecordTooLargeError, type ResponsesStoreLimits } from './responses-store-limits';
import { type StoredResponse } from './stored-response';

/** Ancestors are fetched this many to a pipeline, so that a chain cut short by the byte cap reads little past it. */
const CHAIN_BATCH = 50;

/** Deletes the hash only when it belongs to the owner: one round trip, no race between the check and the delete. */
const DELETE_OWNED = `if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * The Responses store in Redis, shared by every gateway process. One hash per response at `gatehouse:resp:<id>`
 * with the fields `owner`, `record` (the JSON) and `ancestors` (the JSON list of the conversation's earlier ids,
 * oldest first, at most `maxChainDepth`), expiring after the TTL. Writing a record reads its parent's ancestors
 * (one round trip) so that reading a chain takes one round trip for the record and one pipeline per 50 ancestors,
 * however long the conversation.
 */
export class RedisResponsesStore implements ResponsesStore {
  private readonly limits: ResponsesStoreLimits;

  constructor(
    private readonly redis: Redis,
    limits: Partial<ResponsesStoreLimits> = {},
    private readonly keyPrefix = 'gatehouse:resp:',
  ) {
    this.limits = { ...DEFAULT_RESPONSES_STORE_LIMITS, ...limits };
  }

  async put(record: StoredResponse, ttlMs: number): Promise<void> {
    const json = JSON.stringify(record);
    const bytes = Buffer.byteLength(json);
    if (bytes > this.limits.maxRecordBytes) throw new ResponseRecordTooLargeError(record.id, bytes, this.limits.maxRecordBytes);
    let ancestors: string[] = [];
    if (record.previousResponseId !== undefined) {
      const [owner, parentAncestors] = await this.redis.hmget(this.key(record.previousResponseId), 'owner', 'ancestors');
      if (owner === record.owner && parentAncestors !== null) {
        ancestors = [...(JSON.parse(parentAncestors) as string[]), record.previousResponseId].slice(-this.limits.maxChainDepth);
      }
    }
    const key = this.key(record.id);
    await this.redis
      .multi()
      .del(key)
      .hset(key, { owner: record.owner, record: json, ancestors: JSON.stringify(ancestors) })
      .pexpire(key, Math.max(1, Math.ceil(ttlMs)))
      .exec();
  }

  async get(id: string, owner: string): Promise<StoredResponse | undefined> {
    const [recordOwner, json] = await this.redis.hmget(this.key(id), 'owner', 'record');
    return json !== null && recordOwner === owner ? (JSON.parse(json) as StoredResponse) : undefined;
  }

  async delete(id: string, owner: string): Promise<boolean> {
    return (await this.redis.eval(DELETE_OWNED, 1, this.key(id), owner)) === 1;
  }

  async inputItems(id: string, owner: string, query: InputItemsQuery): Promise<InputItemsPage | undefined> {
    const record = await this.get(id, owner);
    return record && inputItemsPage(record.inputItems, query);
  }

  async chain(id: string, owner: string, maxDepth = this.limits.maxChainDepth): Promise<ResponseChain | undefined> {
    const [recordOwner, json, ancestorsJson] = await this.redis.hmget(this.key(id), 'owner', 'record', 'ancestors');
    if (json === null || recordOwner !== owner) return undefined;
    const newestFirst: StoredResponse[] = [JSON.parse(json) as StoredResponse];
    let bytes = Buffer.byteLength(json);
    const ancestors = JSON.parse(ancestorsJson ?? '[]') as string[];
    const wanted = newestAncestors(ancestors, Math.min(maxDepth, this.limits.maxChainDepth));
    let truncated = wanted.length < ancestors.length;
    walk: for (let start = 0; start < wanted.length; start += CHAIN_BATCH) {
      const pipeline = this.redis.pipeline();
      for (const ancestorId of wanted.slice(start, start + CHAIN_BATCH)) pipeline.hmget(this.key(ancestorId), 'owner', 'record');
      for (const [error, fields] of (await pipeline.exec()) ?? []) {
        const [ancestorOwner, ancestorJson] = (fields ?? [null, null]) as [string | null, string | null];
        const ancestorBytes = ancestorJson === null ? 0 : Buffer.byteLength(ancestorJson);
        // A gone ancestor breaks the chain: what came before it is no longer connected.
        if (error || ancestorJson === null || ancestorOwner !== owner || bytes + ancestorBytes > this.limits.maxChainBytes) {
          truncated = true;
          break walk;
        }
        bytes += ancestorBytes;
        newestFirst.push(JSON.parse(ancestorJson) as StoredResponse);
      }
    }
    return { records: newestFirst.reverse(), truncated };
  }

  private key(id: string): string {
    return `${this.keyPrefix}${id}`;
  }
}
