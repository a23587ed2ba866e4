import { type RequestLogEntry } from '@gatehouse/contracts';
import { ScrollableTable } from '../../components/scrollable-table';
import { StatusBadge } from '../../components/status-badge';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatDurationMs } from '../../format/format-duration-ms';

interface RequestTableProps {
  entries: readonly RequestLogEntry[];
}

const timeWithSeconds = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** One row per request: who, which model and provider, how it went, what it used. */
export function RequestTable({ entries }: RequestTableProps) {
  return (
    <ScrollableTable label="Requests">
      <table className="data-table data-table--compact">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Key</th>
            <th scope="col">Model</th>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col" className="data-table__number">Input</th>
            <th scope="col" className="data-table__number">Output</th>
            <th scope="col" className="data-table__number">Cached</th>
            <th scope="col" className="data-table__number">Cost</th>
            <th scope="col" className="data-table__number">Latency</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.time} title={formatDateTime(entry.time)}>
                  {timeWithSeconds.format(new Date(entry.time))}
                </time>
              </td>
              <td>{entry.key_name ?? '—'}</td>
              <td>
                <code>{entry.requested_model ?? '—'}</code>
                {entry.routed_model && entry.routed_model !== entry.requested_model ? (
                  <>
                    {' → '}
                    <code>{entry.routed_model}</code>
                  </>
                ) : null}
                <span className="data-table__note">
                  {entry.endpoint}
                  {entry.stream ? ' · stream' : ''}
                  {entry.attempts > 1 ? ` · ${entry.attempts} attempts` : ''}
                </span>
              </td>
              <td>{entry.provider ?? '—'}</td>
              <td>
                <StatusBadge tone={entry.status < 400 ? 'ok' : entry.status < 500 ? 'warning' : 'error'}>{String(entry.status)}</StatusBadge>
                {entry.error_kind ? <span className="data-table__note">{entry.error_kind}</span> : null}
              </td>
              <td className="data-table__number">{formatCount(entry.input_tokens)}</td>
              <td className="data-table__number">{formatCount(entry.output_tokens)}</td>
              <td className="data-table__number">{formatCount(entry.cached_tokens)}</td>
              <td className="data-table__number">{formatCost(entry.cost_usd)}</td>
              <td className="data-table__number">
                {formatDurationMs(entry.latency_ms)}
                {entry.ttft_ms !== null ? <span className="data-table__note">TTFT {formatDurationMs(entry.ttft_ms)}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
