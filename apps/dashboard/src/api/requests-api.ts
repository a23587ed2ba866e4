import { type RequestLogPage, requestLogPageSchema } from '@gatehouse/contracts';
import { type AdminApiConnection } from './admin-api-connection';

export interface RequestLogFilters {
  model?: string;
  /** A key id. */
  key?: string;
  /** `429`, `4xx`, `error`, `ok`… */
  status?: string;
}

/** `/admin/api/requests` (newest first, cursor pages) and its CSV export. */
export const requestsApi = {
  page(api: AdminApiConnection, filters: RequestLogFilters, limit: number, cursor?: string, signal?: AbortSignal): Promise<RequestLogPage> {
    return api.json('/requests', requestLogPageSchema, { query: { ...filters, limit, cursor }, signal });
  },
  /** The export needs the admin key in a header, so it is fetched here rather than linked to. */
  exportCsv(api: AdminApiConnection, filters: RequestLogFilters): Promise<Blob> {
    return api.blob('/requests/export', { query: { ...filters } });
  },
};
