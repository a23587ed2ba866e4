import { type Team } from '@gatehouse/contracts';
import { ScrollableTable } from '../../components/scrollable-table';
import { formatBudget } from '../../format/format-budget';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';

interface TeamTableProps {
  teams: readonly Team[];
}

export function TeamTable({ teams }: TeamTableProps) {
  return (
    <ScrollableTable label="Teams">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="data-table__number">
              Keys
            </th>
            <th scope="col">Budget</th>
            <th scope="col">Created</th>
            <th scope="col">Defined in</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.name}>
              <th scope="row">{team.name}</th>
              <td className="data-table__number">{formatCount(team.key_count)}</td>
              <td>{formatBudget(team.budget)}</td>
              <td>{formatDateTime(team.created_at)}</td>
              <td>{team.source === 'config' ? 'Config file' : 'Dashboard / admin API'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
