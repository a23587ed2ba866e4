import { type Download, type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

/** /ui/requests: filters, the log table with "Load more", and the CSV export. */
export class RequestsPage {
  readonly filters: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly loadMoreButton: Locator;
  readonly shownCount: Locator;
  readonly exportButton: Locator;

  constructor(private readonly page: Page) {
    this.filters = page.getByRole('group', { name: 'Request filters' });
    const panel = page.getByRole('region', { name: 'Recent requests' });
    this.table = panel.getByRole('table');
    this.rows = this.table.locator('tbody').getByRole('row');
    this.loadMoreButton = panel.getByRole('button', { name: 'Load more' });
    this.shownCount = panel.getByRole('status');
    this.exportButton = page.getByRole('button', { name: 'Export CSV' });
  }

  async open(): Promise<void> {
    await Promise.all([gatewayResponse(this.page, '/admin/api/requests'), this.page.goto('/ui/requests')]);
  }

  /** Filters by a key (its option reads "NAME (PREFIX)"); resolves with the first page for it. */
  async filterByKey(keyId: string, rowsPerPage?: '10' | '25' | '50' | '100'): Promise<Response> {
    if (rowsPerPage) {
      const resized = gatewayResponse(this.page, '/admin/api/requests', { query: { limit: rowsPerPage } });
      await this.filters.getByRole('combobox', { name: 'Rows per page' }).selectOption(rowsPerPage);
      await resized;
    }
    const filtered = gatewayResponse(this.page, '/admin/api/requests', { query: { key: keyId } });
    await this.filters.getByRole('combobox', { name: 'Key' }).selectOption(keyId);
    return filtered;
  }

  async loadMore(): Promise<Response> {
    const next = this.page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/admin/api/requests' && url.searchParams.has('cursor');
    });
    await this.loadMoreButton.click();
    return next;
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    return download;
  }
}
