import { type UsageGroupBy, type UsageSummary, type UsageTimeseries } from '@gatehouse/contracts';
import { useState } from 'react';
import { type AdminApiConnection } from '../../api/admin-api-connection';
import { usageApi } from '../../api/usage-api';
import { CheckedAt } from '../../components/checked-at';
import { EmptyState } from '../../components/empty-state';
import { FormField } from '../../components/form-field';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RemoteContent } from '../../components/remote-content';
import { SegmentedChoice } from '../../components/segmented-choice';
import { useAdminData } from '../../hooks/use-admin-data';
import { UsageChart } from './usage-chart';
import { groupKeyOf, groupLabelOf, type UsageMetric, usageChartDataOf } from './usage-chart-data';
import { bucketMs, type UsageRangeId, usageTimeRanges } from './usage-time-ranges';
import { UsageTotalsTable } from './usage-totals-table';

const rangeOptions = (Object.keys(usageTimeRanges) as UsageRangeId[]).map((value) => ({ value, label: usageTimeRanges[value].label }));
const groupByOptions: { value: UsageGroupBy; label: string }[] = [
  { value: 'model', label: 'Model' },
  { value: 'provider', label: 'Provider' },
  { value: 'key', label: 'Key' },
  { value: 'team', label: 'Team' },
  { value: 'endpoint', label: 'Endpoint' },
];
const metricOptions: { value: UsageMetric; label: string }[] = [
  { value: 'tokens', label: 'Tokens' },
  { value: 'requests', label: 'Requests' },
];

interface UsageReport {
  summary: UsageSummary;
  timeseries: UsageTimeseries;
  window: { from: number; to: number };
  rangeId: UsageRangeId;
}

async function loadUsage(api: AdminApiConnection, rangeId: UsageRangeId, groupBy: UsageGroupBy, signal: AbortSignal): Promise<UsageReport> {
  const range = usageTimeRanges[rangeId];
  const to = Date.now();
  const from = to - range.spanMs;
  const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), groupBy };
  // Both read the same window, so the chart and the table add up to the same totals.
  const [summary, timeseries] = await Promise.all([usageApi.summary(api, query, signal), usageApi.timeseries(api, query, range.bucket, signal)]);
  return { summary, timeseries, window: { from, to }, rangeId };
}

/** Token usage over a time range, grouped: a totals table and a chart per bucket. */
export function UsagePage() {
  const [rangeId, setRangeId] = useState<UsageRangeId>('24h');
  const [groupBy, setGroupBy] = useState<UsageGroupBy>('model');
  const [metric, setMetric] = useState<UsageMetric>('tokens');
  const usage = useAdminData((api, signal) => loadUsage(api, rangeId, groupBy, signal), [rangeId, groupBy]);

  return (
    <>
      <PageHeader
        title="Usage analytics"
        description="Requests, tokens and estimated cost through the gateway, by model, provider, key, team or endpoint."
        actions={<RefreshButton onRefresh={usage.refresh} refreshing={usage.refreshing} subject="usage" />}
      />
      <div className="toolbar" role="group" aria-label="Usage filters">
        <SegmentedChoice legend="Time range" options={rangeOptions} value={rangeId} onChange={setRangeId} />
        <FormField label="Group by" className="toolbar__field">
          {(control) => (
            <select {...control} className="select" value={groupBy} onChange={(event) => setGroupBy(event.target.value as UsageGroupBy)}>
              {groupByOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <SegmentedChoice legend="Chart" options={metricOptions} value={metric} onChange={setMetric} />
      </div>
      <RemoteContent data={usage.data} loadingLabel="Loading usage…" failureLabel="Could not load usage">
        {({ summary, timeseries, window, rangeId: shownRangeId }) => {
          const range = usageTimeRanges[shownRangeId];
          // Labels follow the data on screen, which lags the controls while a new range or grouping loads.
          const groupByLabel = summary.group_by ?? 'group';
          return summary.total.requests === 0 ? (
            <Panel title="No usage">
              <EmptyState title={`No requests in the last ${range.label}`} hint="Requests through /v1 show up here within a second or two." />
            </Panel>
          ) : (
            <div className="stack">
              <Panel
                title={`${metric === 'tokens' ? 'Tokens' : 'Requests'} over the last ${range.label}`}
                footer={<CheckedAt time={usage.data.state === 'ready' ? usage.data.checkedAt : undefined} />}
              >
                <UsageChart
                  data={usageChartDataOf(
                    timeseries.data,
                    { ...window, bucketMs: bucketMs[timeseries.bucket] },
                    metric,
                    summary.data.map((group) => ({ key: groupKeyOf(group.group), label: groupLabelOf(group) })),
                  )}
                  metric={metric}
                  bucket={timeseries.bucket}
                  spanMs={range.spanMs}
                  groupByLabel={groupByLabel}
                />
              </Panel>
              <Panel title={`Totals by ${groupByLabel}`}>
                <UsageTotalsTable groupByLabel={groupByLabel} groups={summary.data} total={summary.total} />
              </Panel>
            </div>
          );
        }}
      </RemoteContent>
    </>
  );
}
