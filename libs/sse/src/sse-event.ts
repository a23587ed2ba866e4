/**
 * One server-sent event as framed on the wire.
 *
 * `event`, `id` and `retry` are present only when the event block carried that field, so that a decoded event
 * re-encodes to the same fields (the WHATWG "last event ID" that persists across events is on `SseDecoder.lastEventId`).
 */
export interface SseEvent {
  /** The `event:` field; absent means the default type, `message`. */
  event?: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  id?: string;
  /** Reconnection time in milliseconds. */
  retry?: number;
}
