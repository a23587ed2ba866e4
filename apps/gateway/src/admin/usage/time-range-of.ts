import { AdminValidationError } from '../admin-validation-error';
import { type TimeRange } from '../../usage/time-range';

const DEFAULT_SPAN_MS = 24 * 3_600_000;

/** `from`/`to` of a query as a range: `to` defaults to now, `from` to 24 hours before `to`. */
export function timeRangeOf(query: { from?: string; to?: string }, now = Date.now()): TimeRange {
  const to = query.to === undefined ? now : Date.parse(query.to);
  const from = query.from === undefined ? to - DEFAULT_SPAN_MS : Date.parse(query.from);
  if (from >= to) throw new AdminValidationError([{ path: 'from', message: 'must be before to' }], 'query');
  return { from, to };
}
