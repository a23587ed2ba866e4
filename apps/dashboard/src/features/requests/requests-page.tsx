import { useState } from 'react';
import { keysApi } from '../../api/keys-api';
import { modelsApi } from '../../api/models-api';
import { type RequestLogFilters } from '../../api/requests-api';
import { CheckedAt } from '../../components/checked-at';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { RefreshButton } from '../../components/refresh-button';
import { RequestErrorMessage } from '../../components/request-error-message';
import { StatusMessage } from '../../components/status-message';
import { useAdminData } from '../../hooks/use-admin-data';
import { ExportCsvButton } from './export-csv-button';
import { RequestFilters } from './request-filters';
import { RequestTable } from './request-table';
import { useRequestLog } from './use-request-log';

/** The recent requests, newest first, filtered, a page at a time, and as CSV. */
export function RequestsPage() {
  const [filters, setFilters] = useState<RequestLogFilters>({});
  const [pageSize, setPageSize] = useState(25);
  const log = useRequestLog(filters, pageSize);
  const models = useAdminData(modelsApi.list, []);
  const keys = useAdminData(keysApi.list, []);

  return (
    <>
      <PageHeader
        title="Requests"
        description="Every request through the gateway: key, model, provider, status, tokens, cost and latency."
        actions={
          <>
            <RefreshButton onRefresh={log.refresh} refreshing={log.status === 'loading' || log.reloading} subject="requests" />
            <ExportCsvButton filters={filters} />
          </>
        }
      />
      <RequestFilters
        filters={filters}
        onChange={setFilters}
        pageSize={pageSize}
        onPageSizeChange={setPageSize}
        modelNames={models.data.state === 'ready' ? models.data.value.map((model) => model.name) : []}
        keys={keys.data.state === 'ready' ? keys.data.value : []}
      />
      <Panel title="Recent requests" footer={<CheckedAt time={log.checkedAt} />}>
        {log.status === 'loading' ? <StatusMessage tone="pending" label="Loading requests…" /> : null}
        {log.status === 'failed' && log.error ? <RequestErrorMessage title="Could not load requests" error={log.error} /> : null}
        {log.status === 'ready' ? (
          log.entries.length === 0 ? (
            <EmptyState title="No requests match" hint="Requests show up here a second or two after they finish." />
          ) : (
            <>
              <RequestTable entries={log.entries} />
              <div className="load-more">
                <p className="load-more__count" role="status">
                  {log.nextCursor ? `Showing the newest ${log.entries.length}` : `All ${log.entries.length} shown`}
                </p>
                {log.nextCursor ? (
                  <button type="button" className="button" onClick={() => void log.loadMore()} disabled={log.loadingMore}>
                    {log.loadingMore ? 'Loading…' : 'Load more'}
                  </button>
                ) : null}
                {log.error ? <RequestErrorMessage title="Could not load more requests" error={log.error} /> : null}
              </div>
            </>
          )
        ) : null}
      </Panel>
    </>
  );
}
