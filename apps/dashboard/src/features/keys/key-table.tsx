import { type ApiKey } from '@gatehouse/contracts';
import { ScrollableTable } from '../../components/scrollable-table';
import { StatusBadge } from '../../components/status-badge';
import { formatBudget } from '../../format/format-budget';
import { formatDateTime } from '../../format/format-date-time';
import { formatLimits } from '../../format/format-limits';
import { formatRelativeTime } from '../../format/format-relative-time';
import { keyStatusOf } from './key-status';

interface KeyTableProps {
  keys: readonly ApiKey[];
  onEdit: (key: ApiKey) => void;
  onRevoke: (key: ApiKey) => void;
}

const statusTones = { active: 'ok', revoked: 'error', expired: 'warning' } as const;

/** Every key (revoked ones too), newest first; keys from the config file are shown but changed only in the file. */
export function KeyTable({ keys, onEdit, onRevoke }: KeyTableProps) {
  return (
    <ScrollableTable label="Keys">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Team</th>
            <th scope="col">Models</th>
            <th scope="col">Limits</th>
            <th scope="col">Budget</th>
            <th scope="col">Last used</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const status = keyStatusOf(key);
            return (
              <tr key={key.id} className={status === 'active' ? undefined : 'data-table__row--inactive'}>
                <th scope="row">
                  {key.name}
                  {key.source === 'config' ? <span className="data-table__note">config file</span> : null}
                </th>
                <td>
                  <code>{key.prefix}</code>
                </td>
                <td>{key.team ?? '—'}</td>
                <td className="data-table__wrap">{key.models ? key.models.join(', ') : 'All'}</td>
                <td>{formatLimits(key.limits)}</td>
                <td>{formatBudget(key.budget)}</td>
                <td>{key.last_used_at ? <time dateTime={key.last_used_at} title={formatDateTime(key.last_used_at)}>{formatRelativeTime(key.last_used_at)}</time> : 'Never'}</td>
                <td>{formatDateTime(key.created_at)}</td>
                <td>{key.expires_at ? formatDateTime(key.expires_at) : 'Never'}</td>
                <td>
                  <StatusBadge tone={statusTones[status]}>{status}</StatusBadge>
                </td>
                <td className="data-table__actions">
                  {key.source === 'config' || status === 'revoked' ? null : (
                    <>
                      <button type="button" className="button" onClick={() => onEdit(key)} aria-label={`Edit ${key.name}`}>
                        Edit
                      </button>
                      <button type="button" className="button button--danger" onClick={() => onRevoke(key)} aria-label={`Revoke ${key.name}`}>
                        Revoke
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
