const listeners = new Set<() => void>();

/** The page's path as a store for useSyncExternalStore: back/forward (popstate) and navigate() both notify. */
export const browserLocation = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    window.addEventListener('popstate', listener);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('popstate', listener);
    };
  },
  path(): string {
    return window.location.pathname;
  },
  navigate(path: string): void {
    if (path === window.location.pathname) return;
    window.history.pushState(null, '', path);
    for (const listener of listeners) listener();
  },
};
