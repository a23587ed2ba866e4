import { type UsageGroup, type UsageTotals } from '@gatehouse/contracts';
import { ScrollableTable } from '../../components/scrollable-table';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { groupLabelOf } from './usage-chart-data';
import { seriesColor } from './series-color';

interface UsageTotalsTableProps {
  groupByLabel: string;
  groups: readonly UsageGroup[];
  total: UsageTotals;
}

/** Requests, tokens, cost and errors per group, with the range's total; each group's swatch matches its chart line. */
export function UsageTotalsTable({ groupByLabel, groups, total }: UsageTotalsTableProps) {
  return (
    <ScrollableTable label="Usage totals">
      <table className="data-table" aria-label={`Usage by ${groupByLabel}`}>
        <thead>
          <tr>
            <th scope="col">{groupByLabel[0]!.toUpperCase() + groupByLabel.slice(1)}</th>
            <th scope="col" className="data-table__number">Requests</th>
            <th scope="col" className="data-table__number">Input tokens</th>
            <th scope="col" className="data-table__number">Output tokens</th>
            <th scope="col" className="data-table__number">Cached tokens</th>
            <th scope="col" className="data-table__number">Cost</th>
            <th scope="col" className="data-table__number">Errors</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group, index) => (
            <tr key={group.group ?? ''}>
              <th scope="row">
                <span className="swatch" style={seriesColor(index)} aria-hidden="true" />
                {groupLabelOf(group)}
              </th>
              <TotalsCells totals={group} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <TotalsCells totals={total} />
          </tr>
        </tfoot>
      </table>
    </ScrollableTable>
  );
}

function TotalsCells({ totals }: { totals: UsageTotals }) {
  return (
    <>
      <td className="data-table__number">{formatCount(totals.requests)}</td>
      <td className="data-table__number">{formatCount(totals.input_tokens)}</td>
      <td className="data-table__number">{formatCount(totals.output_tokens)}</td>
      <td className="data-table__number">{formatCount(totals.cached_tokens)}</td>
      <td className="data-table__number">{formatCost(totals.cost_usd)}</td>
      <td className="data-table__number">{formatCount(totals.errors)}</td>
    </>
  );
}
