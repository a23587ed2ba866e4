import { type EffectiveModel, effectiveModelSchema, modelListSchema } from '@gatehouse/contracts';
import { type AdminApiConnection } from './admin-api-connection';

const modelPath = (name: string) => `/models/${encodeURIComponent(name)}`;

/** `/admin/api/models`: the effective models, and overrides (validated by the gateway as the config file would be). */
export const modelsApi = {
  async list(api: AdminApiConnection, signal?: AbortSignal): Promise<EffectiveModel[]> {
    return (await api.json('/models', modelListSchema, { signal })).data;
  },
  /** The definition is sent as typed, unchecked: the gateway's 400 names each bad field. */
  putOverride(api: AdminApiConnection, name: string, definition: unknown): Promise<EffectiveModel> {
    return api.json(modelPath(name), effectiveModelSchema, { method: 'PUT', body: definition });
  },
  deleteOverride(api: AdminApiConnection, name: string): Promise<void> {
    return api.empty(modelPath(name), { method: 'DELETE' });
  },
};
