import { type RequestLogEntry } from '@gatehouse/contracts';

/** The CSV columns: every field of a request-log entry, in the order the admin API lists them. */
export const REQUEST_LOG_CSV_COLUMNS: readonly (keyof RequestLogEntry)[] = [
  'id', 'time', 'request_id', 'key_id', 'key_name', 'team', 'endpoint', 'client_dialect', 'requested_model', 'routed_model',
  'upstream_model', 'provider', 'decision', 'status', 'error_kind', 'stream', 'aborted', 'input_tokens', 'output_tokens',
  'cached_tokens', 'cache_write_tokens', 'reasoning_tokens', 'cost_usd', 'latency_ms', 'ttft_ms', 'attempts',
];

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading `'`:
 * key names and model names come from users.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly unknown[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export async function* requestLogCsv(entries: AsyncIterable<RequestLogEntry>): AsyncGenerator<string> {
  yield csvLine(REQUEST_LOG_CSV_COLUMNS);
  for await (const entry of entries) yield csvLine(REQUEST_LOG_CSV_COLUMNS.map((column) => entry[column]));
}
