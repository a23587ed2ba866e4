import { type ComponentType } from 'react';
import { KeysPage } from './features/keys/keys-page';
import { ModelsPage } from './features/models/models-page';
import { OverviewPage } from './features/overview/overview-page';
import { RequestsPage } from './features/requests/requests-page';
import { TeamsPage } from './features/teams/teams-page';
import { UsagePage } from './features/usage/usage-page';

export interface AppRoute {
  href: string;
  label: string;
  Page: ComponentType;
}

/** The pages, in navigation order; paths are under /ui, where the gateway serves the app. */
export const appRoutes: readonly AppRoute[] = [
  { href: '/ui/', label: 'Overview', Page: OverviewPage },
  { href: '/ui/keys', label: 'Keys', Page: KeysPage },
  { href: '/ui/teams', label: 'Teams', Page: TeamsPage },
  { href: '/ui/models', label: 'Models & routes', Page: ModelsPage },
  { href: '/ui/usage', label: 'Usage', Page: UsagePage },
  { href: '/ui/requests', label: 'Requests', Page: RequestsPage },
];

/** The route for a path: `/ui`, `/ui/` and `/ui/index.html` are the overview; a trailing slash is ignored. */
export function routeOf(path: string): AppRoute | undefined {
  const normalised = path === '/ui' || path === '/ui/index.html' ? '/ui/' : path.length > 4 && path.endsWith('/') ? path.slice(0, -1) : path;
  return appRoutes.find((route) => route.href === normalised);
}
