import { type ReactNode } from 'react';

interface AppShellProps {
  children: ReactNode;
}

/** The frame around every page: the Gatehouse name, what it is, and the main content area. */
export function AppShell({ children }: AppShellProps) {
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <svg className="app-header__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" />
          <path d="M9 25V13l7-5 7 5v12h-5v-6h-4v6z" />
        </svg>
        <div>
          <h1 className="app-header__title">Gatehouse</h1>
          <p className="app-header__tagline">
            An open-source LLM gateway: OpenAI and Anthropic clients in front of any provider, with routing, fallbacks,
            keys and token-usage analytics.
          </p>
        </div>
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
