import { expect, type Locator, type Page } from '@playwright/test';

export type DashboardPageName = 'Overview' | 'Keys' | 'Teams' | 'Models & routes' | 'Usage' | 'Requests';

const headings: Record<DashboardPageName, string> = {
  Overview: 'Overview',
  Keys: 'Keys',
  Teams: 'Teams',
  'Models & routes': 'Models & routes',
  Usage: 'Usage analytics',
  Requests: 'Requests',
};

/** What every signed-in page has: the main navigation, the page's h1 and sign-out. */
export class DashboardShell {
  readonly navigation: Locator;
  readonly signOutButton: Locator;
  readonly pageHeading: Locator;

  constructor(page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.pageHeading = page.getByRole('heading', { level: 1 });
  }

  navLink(name: DashboardPageName): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async goTo(name: DashboardPageName): Promise<void> {
    await this.navLink(name).click();
    await expect(this.pageHeading).toHaveText(headings[name]);
  }
}
