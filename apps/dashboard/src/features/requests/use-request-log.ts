import { type RequestLogEntry } from '@gatehouse/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type RequestLogFilters, requestsApi } from '../../api/requests-api';
import { useAdminSession } from '../../hooks/use-admin-session';

export interface RequestLogState {
  entries: RequestLogEntry[];
  /** The cursor of the next (older) page; null once the last page is in. */
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  error: Error | undefined;
  loadingMore: boolean;
  /** A first page is loading again (new filters, Refresh) while the last one stays on screen. */
  reloading: boolean;
  checkedAt: Date | undefined;
}

const initialState: RequestLogState = {
  entries: [],
  nextCursor: null,
  status: 'loading',
  error: undefined,
  loadingMore: false,
  reloading: false,
  checkedAt: undefined,
};

/** The request log, newest first: the first page whenever the filters change, older pages appended by loadMore(). */
export function useRequestLog(filters: RequestLogFilters, pageSize: number) {
  const { api } = useAdminSession();
  const [state, setState] = useState<RequestLogState>(initialState);
  const [generation, setGeneration] = useState(0);
  // A "Load more" that answers after the filters changed belongs to the old list and is dropped.
  const currentQuery = useRef(0);
  const { model, key, status } = filters;

  useEffect(() => {
    const query = ++currentQuery.current;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, status: previous.status === 'ready' ? 'ready' : 'loading', loadingMore: false, reloading: previous.status === 'ready' }));
    requestsApi.page(api, { model, key, status }, pageSize, undefined, controller.signal).then(
      (page) => {
        if (query !== currentQuery.current) return;
        setState({ ...initialState, entries: page.data, nextCursor: page.next_cursor, status: 'ready', checkedAt: new Date() });
      },
      (error: unknown) => {
        if (controller.signal.aborted || query !== currentQuery.current) return;
        setState({ ...initialState, status: 'failed', error: error instanceof Error ? error : new Error(String(error)), checkedAt: new Date() });
      },
    );
    return () => controller.abort();
  }, [api, model, key, status, pageSize, generation]);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    const query = currentQuery.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: undefined }));
    try {
      const page = await requestsApi.page(api, { model, key, status }, pageSize, cursor);
      if (query !== currentQuery.current) return;
      setState((previous) => ({ ...previous, entries: [...previous.entries, ...page.data], nextCursor: page.next_cursor, loadingMore: false }));
    } catch (error) {
      if (query !== currentQuery.current) return;
      setState((previous) => ({ ...previous, loadingMore: false, error: error instanceof Error ? error : new Error(String(error)) }));
    }
  }, [api, model, key, status, pageSize, state.nextCursor]);

  const refresh = useCallback(() => setGeneration((current) => current + 1), []);
  return { ...state, loadMore, refresh };
}
