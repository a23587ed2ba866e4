import { useCallback } from 'react';
import { type RequestLogFilters, requestsApi } from '../../api/requests-api';
import { RequestErrorMessage } from '../../components/request-error-message';
import { useAction } from '../../hooks/use-action';
import { useAdminSession } from '../../hooks/use-admin-session';

interface ExportCsvButtonProps {
  filters: RequestLogFilters;
}

const fileName = 'gatehouse-requests.csv';

/**
 * Downloads every request matching the filters as CSV. The export needs the admin key in a header, which a plain
 * link cannot send, so it is fetched and handed to the browser as a file.
 */
export function ExportCsvButton({ filters }: ExportCsvButtonProps) {
  const { api } = useAdminSession();
  const download = useAction(
    useCallback(async (current: RequestLogFilters) => {
      const csv = await requestsApi.exportCsv(api, current);
      const url = URL.createObjectURL(csv);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started from the URL by now; keeping it would hold the file in memory.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return true;
    }, [api]),
  );
  return (
    <div className="export-csv">
      <button type="button" className="button" onClick={() => void download.run(filters)} disabled={download.pending}>
        {download.pending ? 'Exporting…' : 'Export CSV'}
      </button>
      {download.error ? <RequestErrorMessage title="Could not export the requests" error={download.error} /> : null}
    </div>
  );
}
