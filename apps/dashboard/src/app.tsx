import { useEffect, useRef } from 'react';
import { appRoutes, routeOf } from './app-routes';
import { AppShell } from './components/app-shell';
import { NotFoundPage } from './features/not-found/not-found-page';
import { AdminSessionGate } from './features/sign-in/admin-session-gate';
import { useAdminSession } from './hooks/use-admin-session';
import { useLocationPath } from './hooks/use-location-path';

export function App() {
  return (
    <AdminSessionGate>
      <SignedInApp />
    </AdminSessionGate>
  );
}

function SignedInApp() {
  const { signOut } = useAdminSession();
  const path = useLocationPath();
  const route = routeOf(path);
  const Page = route?.Page ?? NotFoundPage;
  useRouteAnnouncement(route?.label ?? 'Page not found');

  return (
    <AppShell navigation={{ items: appRoutes, currentHref: route?.href, onSignOut: signOut }}>
      <Page key={route?.href ?? path} />
    </AppShell>
  );
}

/** Names the page in the tab title and, after a navigation (not the first load), moves focus to the new content. */
function useRouteAnnouncement(label: string) {
  const firstRender = useRef(true);
  useEffect(() => {
    document.title = `${label} · Gatehouse`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main-content')?.focus();
  }, [label]);
}
