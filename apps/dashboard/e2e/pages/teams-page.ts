import { type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

/** /ui/teams: the team table and the create form. */
export class TeamsPage {
  readonly table: Locator;
  readonly createForm: Locator;
  readonly createError: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('region', { name: 'All teams' }).getByRole('table');
    this.createForm = page.getByRole('form', { name: 'Create a team' });
    this.createError = this.createForm.getByRole('alert');
  }

  async open(): Promise<Response> {
    const [teams] = await Promise.all([gatewayResponse(this.page, '/admin/api/teams', { method: 'GET' }), this.page.goto('/ui/teams')]);
    return teams;
  }

  async createTeam(name: string, budget?: { tokens: string; per: 'day' | 'month' }): Promise<Response> {
    await this.createForm.getByRole('textbox', { name: 'Team name' }).fill(name);
    if (budget) {
      await this.createForm.getByRole('spinbutton', { name: 'Tokens', exact: true }).fill(budget.tokens);
      await this.createForm.getByRole('combobox', { name: 'Per' }).selectOption(budget.per);
    }
    const created = gatewayResponse(this.page, '/admin/api/teams', { method: 'POST' });
    await this.createForm.getByRole('button', { name: 'Create team' }).click();
    return created;
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
