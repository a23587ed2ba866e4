/**
 * The caps that keep the store bounded. A record holds one turn twice (Responses items and canonical parts) plus the
 * response object, so 8 MiB fits the largest images a provider takes inline; a conversation is cut to its newest
 * 500 responses and 64 MiB of records, well past what any model's context holds (Anthropic's request limit is 32 MB).
 */
export interface ResponsesStoreLimits {
  /** Largest serialized record; bigger ones are not stored. */
  maxRecordBytes: number;
  /** Most responses in one conversation chain (each record keeps at most this many ancestor ids). */
  maxChainDepth: number;
  /** Most serialized bytes one chain read returns. */
  maxChainBytes: number;
}

export const DEFAULT_RESPONSES_STORE_LIMITS: Readonly<ResponsesStoreLimits> = Object.freeze({
  maxRecordBytes: 8 * 1024 * 1024,
  maxChainDepth: 500,
  maxChainBytes: 64 * 1024 * 1024,
});

export class ResponseRecordTooLargeError extends Error {
  constructor(
    readonly id: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`response ${id} is ${bytes} bytes stored, over the ${maxBytes}-byte cap: not stored`);
    this.name = 'ResponseRecordTooLargeError';
  }
}
