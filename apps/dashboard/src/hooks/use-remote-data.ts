import { useCallback, useEffect, useState } from 'react';

export type RemoteData<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T; checkedAt: Date }
  | { state: 'failed'; error: Error; checkedAt: Date };

export interface RemoteDataHandle<T> {
  data: RemoteData<T>;
  /** True while a load runs after the first; the last answer stays on screen meanwhile. */
  refreshing: boolean;
  refresh: () => void;
}

/**
 * Loads data on mount, again when `load` changes, on `refresh()` and every `refreshIntervalMs` if given.
 * `load` must be stable (a module-level function or memoised), or it reloads on every render.
 */
export function useRemoteData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  refreshIntervalMs?: number,
): RemoteDataHandle<T> {
  const [data, setData] = useState<RemoteData<T>>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [generation, setGeneration] = useState(0);

  const refresh = useCallback(() => setGeneration((current) => current + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setRefreshing(true);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData({ state: 'ready', value, checkedAt: new Date() });
        setRefreshing(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setData({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)), checkedAt: new Date() });
        setRefreshing(false);
      },
    );
    return () => controller.abort();
  }, [load, generation]);

  useEffect(() => {
    if (!refreshIntervalMs) return;
    const timer = setInterval(refresh, refreshIntervalMs);
    return () => clearInterval(timer);
  }, [refresh, refreshIntervalMs]);

  return { data, refreshing: refreshing && data.state !== 'loading', refresh };
}
