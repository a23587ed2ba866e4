import { type SseEvent } from './sse-event';

const textEncoder = new TextEncoder();

/**
 * Frames one event: `event:`, `id:`, `retry:` when present, then one `data:` line per line of `data`, then a blank line.
 * Line breaks in `data` (`\n`, `\r\n` or `\r`) become separate `data:` lines, which a decoder joins back with `\n`.
 */
export function encodeSseEvent(event: SseEvent): string {
  let frame = '';
  if (event.event !== undefined && event.event !== '') frame += `event: ${singleLine(event.event, 'event')}\n`;
  if (event.id !== undefined) frame += `id: ${singleLine(event.id, 'id')}\n`;
  if (event.retry !== undefined) {
    if (!Number.isSafeInteger(event.retry) || event.retry < 0) {
      throw new RangeError(`SSE retry must be a non-negative integer, got ${event.retry}`);
    }
    frame += `retry: ${event.retry}\n`;
  }
  const data = event.data;
  // JSON payloads, the usual case, never hold a raw line break.
  if (data.indexOf('\n') === -1 && data.indexOf('\r') === -1) return `${frame}data: ${data}\n\n`;
  for (const line of data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return frame + '\n';
}

/** `encodeSseEvent` as UTF-8 bytes. */
export function encodeSseEventBytes(event: SseEvent): Uint8Array {
  return textEncoder.encode(encodeSseEvent(event));
}

function singleLine(value: string, field: string): string {
  if (value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1) {
    throw new TypeError(`SSE ${field} field must not contain a line break`);
  }
  return value;
}
