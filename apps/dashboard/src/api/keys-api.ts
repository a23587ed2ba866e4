import {
  type ApiKey,
  apiKeyListSchema,
  apiKeySchema,
  type CreatedApiKey,
  createdApiKeySchema,
  type CreateKeyRequest,
  type UpdateKeyRequest,
} from '@gatehouse/contracts';
import { type AdminApiConnection } from './admin-api-connection';

/** `/admin/api/keys`: list, make (the answer holds the secret, once), change, revoke. */
export const keysApi = {
  async list(api: AdminApiConnection, signal?: AbortSignal): Promise<ApiKey[]> {
    return (await api.json('/keys', apiKeyListSchema, { signal })).data;
  },
  create(api: AdminApiConnection, body: CreateKeyRequest): Promise<CreatedApiKey> {
    return api.json('/keys', createdApiKeySchema, { method: 'POST', body });
  },
  update(api: AdminApiConnection, id: string, body: UpdateKeyRequest): Promise<ApiKey> {
    return api.json(`/keys/${encodeURIComponent(id)}`, apiKeySchema, { method: 'PATCH', body });
  },
  revoke(api: AdminApiConnection, id: string): Promise<ApiKey> {
    return api.json(`/keys/${encodeURIComponent(id)}`, apiKeySchema, { method: 'DELETE' });
  },
};
