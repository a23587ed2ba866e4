import { type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

/** The landing page at /ui: health and readiness, providers, the last 24 hours. */
export class OverviewPage {
  readonly heading: Locator;
  readonly healthPanel: Locator;
  readonly healthStatus: Locator;
  readonly readinessSummary: Locator;
  readonly readinessChecks: Locator;
  readonly providersPanel: Locator;
  readonly lastDayPanel: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Overview' });
    this.healthPanel = page.getByRole('region', { name: 'Gateway status' });
    this.healthStatus = this.healthPanel.getByRole('status');
    this.readinessSummary = this.healthPanel.getByText(/ready to serve requests/i);
    this.readinessChecks = this.healthPanel.getByRole('list', { name: 'Readiness checks' }).getByRole('listitem');
    this.providersPanel = page.getByRole('region', { name: 'Providers' });
    this.lastDayPanel = page.getByRole('region', { name: 'Last 24 hours' });
  }

  /** Opens /ui and resolves with the page's calls to /health, /ready, the providers and the day's usage once all answered. */
  async open(): Promise<{ health: Response; ready: Response; providers: Response; usage: Response }> {
    const [health, ready, providers, usage] = await Promise.all([
      gatewayResponse(this.page, '/health'),
      gatewayResponse(this.page, '/ready'),
      gatewayResponse(this.page, '/admin/api/providers'),
      gatewayResponse(this.page, '/admin/api/usage/summary'),
      this.page.goto('/ui'),
    ]);
    return { health, ready, providers, usage };
  }

  provider(name: string): Locator {
    return this.providersPanel.getByRole('listitem', { name, exact: true });
  }

  /** The value under a stat's name in the last-24-hours panel ("Requests" → "12"). */
  lastDayStat(name: string): Locator {
    return this.lastDayPanel.locator('.stat').filter({ has: this.page.getByText(name, { exact: true }) }).getByRole('definition');
  }

  refreshButton(subject: 'gateway status' | 'providers' | 'last 24 hours'): Locator {
    return this.page.getByRole('button', { name: `Refresh ${subject}` });
  }
}
