import { providerListSchema, type ProviderStatus, type ProviderTestResult, providerTestResultSchema } from '@gatehouse/contracts';
import { type AdminApiConnection } from './admin-api-connection';

/** `/admin/api/providers`: health and breaker state, and a real test call. */
export const providersApi = {
  async list(api: AdminApiConnection, signal?: AbortSignal): Promise<ProviderStatus[]> {
    return (await api.json('/providers', providerListSchema, { signal })).data;
  },
  test(api: AdminApiConnection, name: string): Promise<ProviderTestResult> {
    return api.json(`/providers/${encodeURIComponent(name)}/test`, providerTestResultSchema, { method: 'POST' });
  },
};
