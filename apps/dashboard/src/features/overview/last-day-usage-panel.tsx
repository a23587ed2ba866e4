import { type UsageTotals } from '@gatehouse/contracts';
import { type AdminApiConnection } from '../../api/admin-api-connection';
import { usageApi } from '../../api/usage-api';
import { NavLink } from '../../components/nav-link';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RemoteContent } from '../../components/remote-content';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { useAdminData } from '../../hooks/use-admin-data';

const dayMs = 86_400_000;

async function loadLastDay(api: AdminApiConnection, signal: AbortSignal): Promise<UsageTotals> {
  const to = Date.now();
  const summary = await usageApi.summary(api, { from: new Date(to - dayMs).toISOString(), to: new Date(to).toISOString() }, signal);
  return summary.total;
}

/** Totals over the last 24 hours, with a link to the analytics. */
export function LastDayUsagePanel() {
  const { data, refreshing, refresh } = useAdminData(loadLastDay, []);
  return (
    <Panel
      title="Last 24 hours"
      className="panel--wide"
      aside={<RefreshButton onRefresh={refresh} refreshing={refreshing} subject="last 24 hours" />}
      footer={
        <NavLink href="/ui/usage" className="link">
          Usage analytics →
        </NavLink>
      }
    >
      <RemoteContent data={data} loadingLabel="Loading usage…" failureLabel="Could not load usage">
        {(total) => (
          <dl className="stat-grid">
            <Stat name="Requests" value={formatCount(total.requests)} />
            <Stat name="Input tokens" value={formatCount(total.input_tokens)} />
            <Stat name="Output tokens" value={formatCount(total.output_tokens)} />
            <Stat name="Cached tokens" value={formatCount(total.cached_tokens)} />
            <Stat name="Cost" value={formatCost(total.cost_usd)} />
            <Stat name="Errors" value={formatCount(total.errors)} />
          </dl>
        )}
      </RemoteContent>
    </Panel>
  );
}

function Stat({ name, value }: { name: string; value: string }) {
  return (
    <div className="stat">
      <dt className="stat__name">{name}</dt>
      <dd className="stat__value">{value}</dd>
    </div>
  );
}
