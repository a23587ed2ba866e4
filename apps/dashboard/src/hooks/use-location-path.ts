import { useSyncExternalStore } from 'react';
import { browserLocation } from './browser-location';

/** The current path (`/ui/keys`); re-renders on navigation and on back/forward. */
export function useLocationPath(): string {
  return useSyncExternalStore(browserLocation.subscribe, browserLocation.path);
}
