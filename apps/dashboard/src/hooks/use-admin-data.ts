import { type DependencyList, useCallback } from 'react';
import { type AdminApiConnection } from '../api/admin-api-connection';
import { type RemoteDataHandle, useRemoteData } from './use-remote-data';
import { useAdminSession } from './use-admin-session';

/** useRemoteData for admin API reads: `load` gets the signed-in connection and is reloaded when `dependencies` change. */
export function useAdminData<T>(
  load: (api: AdminApiConnection, signal: AbortSignal) => Promise<T>,
  dependencies: DependencyList,
  refreshIntervalMs?: number,
): RemoteDataHandle<T> {
  const { api } = useAdminSession();
  // `load` is a new function on each render; what it reads is listed in `dependencies`.
  const stableLoad = useCallback((signal: AbortSignal) => load(api, signal), [api, ...dependencies]);
  return useRemoteData(stableLoad, refreshIntervalMs);
}
