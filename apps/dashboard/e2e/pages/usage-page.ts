import { type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

export type UsageRange = '1 h' | '24 h' | '7 d' | '30 d';
export type UsageGroupBy = 'Model' | 'Provider' | 'Key' | 'Team' | 'Endpoint';

const totalsColumns = ['Requests', 'Input tokens', 'Output tokens', 'Cached tokens', 'Cost', 'Errors'] as const;
export type UsageTotalsColumn = (typeof totalsColumns)[number];

/** /ui/usage: the range, grouping and metric controls, the chart and the totals table. */
export class UsagePage {
  readonly filters: Locator;
  readonly totalsTable: Locator;
  readonly chart: Locator;
  readonly chartSeries: Locator;

  constructor(private readonly page: Page) {
    this.filters = page.getByRole('group', { name: 'Usage filters' });
    this.totalsTable = page.getByRole('table', { name: /^Usage by / });
    this.chart = page.locator('.usage-chart svg[role="img"]');
    this.chartSeries = this.chart.locator('[data-series]');
  }

  async open(): Promise<void> {
    await Promise.all([gatewayResponse(this.page, '/admin/api/usage/timeseries'), this.page.goto('/ui/usage')]);
  }

  /** Picks a range and a grouping; resolves once the summary for both has answered. */
  async show(range: UsageRange, groupBy: UsageGroupBy): Promise<Response> {
    const group = groupBy.toLowerCase();
    const answered = gatewayResponse(this.page, '/admin/api/usage/summary', { query: { group_by: group } });
    await this.filters.getByRole('radio', { name: range, exact: true }).check();
    await this.filters.getByRole('combobox', { name: 'Group by' }).selectOption({ label: groupBy });
    return answered;
  }

  async chartMetric(metric: 'Tokens' | 'Requests'): Promise<void> {
    await this.filters.getByRole('radio', { name: metric, exact: true }).check();
  }

  groupRow(label: string): Locator {
    return this.totalsTable.locator('tbody').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  groupValue(label: string, column: UsageTotalsColumn): Locator {
    return this.groupRow(label).getByRole('cell').nth(totalsColumns.indexOf(column));
  }

  get groupRows(): Locator {
    return this.totalsTable.locator('tbody').getByRole('row');
  }
}
