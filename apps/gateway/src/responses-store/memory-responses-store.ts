import { inputItemsPage } from './input-items-page';
import { newestAncestors } from './newest-ancestors';
import { type InputItemsPage, type InputItemsQuery, type ResponseChain, type ResponsesStore } from './responses-store';
import { DEFAULT_RESPONSES_STORE_LIMITS, ResponseRecordTooLargeError, type ResponsesStoreLimits } from './responses-store-limits';
import { type StoredResponse } from './stored-response';

export interface MemoryResponsesStoreOptions extends Partial<ResponsesStoreLimits> {
  /** Most records kept (`responses.max_items`); the least recently used go first. */
  maxItems: number;
  /** Most serialized bytes kept over all records; the least recently used go first. Default 256 MiB. */
  maxTotalBytes?: number;
  /** The clock, for expiry. */
  now?: () => number;
}

interface Entry {
  owner: string;
  /** The record serialized, so that callers never share objects with the store and sizes are what Redis would hold. */
  json: string;
  bytes: number;
  /** Ancestor ids, oldest first. */
  ancestors: string[];
  expiresAt: number;
}

/**
 * The Responses store of a single gateway process without Redis: a Map in least-recently-used order (a read moves
 * a record to the back), bounded by a count and a byte total, each record expiring after its TTL. Expired records
 * are dropped when met, and count against the bounds until then.
 */
export class MemoryResponsesStore implements ResponsesStore {
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;
  private readonly limits: ResponsesStoreLimits;
  private readonly maxItems: number;
  private readonly maxTotalBytes: number;
  private readonly now: () => number;

  constructor(options: MemoryResponsesStoreOptions) {
    this.limits = { ...DEFAULT_RESPONSES_STORE_LIMITS, ...definedFields(options) };
    this.maxItems = Math.max(1, options.maxItems);
    this.maxTotalBytes = options.maxTotalBytes ?? 256 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  async put(record: StoredResponse, ttlMs: number): Promise<void> {
    const json = JSON.stringify(record);
    const bytes = Buffer.byteLength(json);
    if (bytes > this.limits.maxRecordBytes) throw new ResponseRecordTooLargeError(record.id, bytes, this.limits.maxRecordBytes);
    const parent = record.previousResponseId === undefined ? undefined : this.live(record.previousResponseId);
    const ancestors =
      parent && parent.owner === record.owner ? [...parent.ancestors, record.previousResponseId!].slice(-this.limits.maxChainDepth) : [];
    this.remove(record.id);
    this.entries.set(record.id, { owner: record.owner, json, bytes, ancestors, expiresAt: this.now() + ttlMs });
    this.totalBytes += bytes;
    for (const [id] of this.entries) {
      if (this.entries.size <= this.maxItems && this.totalBytes <= this.maxTotalBytes) break;
      if (id !== record.id) this.remove(id);
    }
  }

  async get(id: string, owner: string): Promise<StoredResponse | undefined> {
    const entry = this.owned(id, owner);
    return entry && (JSON.parse(entry.json) as StoredResponse);
  }

  async delete(id: string, owner: string): Promise<boolean> {
    if (!this.owned(id, owner)) return false;
    this.remove(id);
    return true;
  }

  async inputItems(id: string, owner: string, query: InputItemsQuery): Promise<InputItemsPage | undefined> {
    const record = await this.get(id, owner);
    return record && inputItemsPage(record.inputItems, query);
  }

  async chain(id: string, owner: string, maxDepth = this.limits.maxChainDepth): Promise<ResponseChain | undefined> {
    const last = this.owned(id, owner);
    if (!last) return undefined;
    const newestFirst: StoredResponse[] = [JSON.parse(last.json) as StoredResponse];
    let bytes = last.bytes;
    const wanted = newestAncestors(last.ancestors, Math.min(maxDepth, this.limits.maxChainDepth));
    let truncated = wanted.length < last.ancestors.length;
    for (const ancestorId of wanted) {
      const entry = this.owned(ancestorId, owner);
      if (!entry || bytes + entry.bytes > this.limits.maxChainBytes) {
        truncated = true;
        break;
      }
      bytes += entry.bytes;
      newestFirst.push(JSON.parse(entry.json) as StoredResponse);
    }
    return { records: newestFirst.reverse(), truncated };
  }

  /** A live entry of this owner, moved to the most recently used end. */
  private owned(id: string, owner: string): Entry | undefined {
    const entry = this.live(id);
    if (!entry || entry.owner !== owner) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.remove(id);
      return undefined;
    }
    return entry;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.totalBytes -= entry.bytes;
  }
}

function definedFields(options: Partial<ResponsesStoreLimits>): Partial<ResponsesStoreLimits> {
  return Object.fromEntries(
    (['maxRecordBytes', 'maxChainDepth', 'maxChainBytes'] as const).flatMap((field) => (options[field] === undefined ? [] : [[field, options[field]]])),
  );
}
