import { effectiveConfigSchema } from '@gatehouse/contracts';
import { AdminApiConnection } from './admin-api-connection';

/** Resolves when the gateway accepts `adminKey`; throws its GatewayRequestError (401, 403 when disabled) otherwise. */
export async function verifyAdminKey(adminKey: string, signal?: AbortSignal): Promise<void> {
  // The masked config is the cheapest guarded read: no database query, no upstream check.
  await new AdminApiConnection(adminKey).json('/config', effectiveConfigSchema, { signal });
}
