import { type ReactNode } from 'react';
import { MainNav, type MainNavItem } from './main-nav';
import { NavLink } from './nav-link';
import { ThemeSelect } from './theme-select';

interface AppShellProps {
  /** The page links and sign-out, once signed in. */
  navigation?: { items: readonly MainNavItem[]; currentHref: string | undefined; onSignOut: () => void };
  children: ReactNode;
}

/** The frame around every page: the Gatehouse mark, the navigation, the theme and sign-out, the main content area. */
export function AppShell({ navigation, children }: AppShellProps) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <NavLink href="/ui/" className="app-header__brand">
            <svg className="app-header__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="7" />
              <path d="M9 25V13l7-5 7 5v12h-5v-6h-4v6z" />
            </svg>
            <span className="app-header__name">Gatehouse</span>
          </NavLink>
          <div className="app-header__tools">
            <ThemeSelect />
            {navigation ? (
              <button type="button" className="button" onClick={navigation.onSignOut}>
                Sign out
              </button>
            ) : null}
          </div>
        </div>
        {navigation ? <MainNav items={navigation.items} currentHref={navigation.currentHref} /> : null}
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
