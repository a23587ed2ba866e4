import { type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

const keyColumns = ['Name', 'Prefix', 'Team', 'Models', 'Limits', 'Budget', 'Last used', 'Created', 'Expires', 'Status'] as const;
export type KeyColumn = (typeof keyColumns)[number];

export interface NewKeyForm {
  name: string;
  team?: string;
  /** Models to tick; none means every model. */
  models?: string[];
  requestsPerMinute?: string;
}

/** /ui/keys: the key table, the create form, the one-time secret, and the edit and revoke dialogs. */
export class KeysPage {
  readonly keysPanel: Locator;
  readonly table: Locator;
  readonly createForm: Locator;
  readonly createError: Locator;
  readonly secretPanel: Locator;
  readonly secretInput: Locator;
  readonly copySecretButton: Locator;
  readonly dismissSecretButton: Locator;
  readonly editDialog: Locator;
  readonly revokeDialog: Locator;

  constructor(private readonly page: Page) {
    this.keysPanel = page.getByRole('region', { name: 'All keys' });
    this.table = this.keysPanel.getByRole('table');
    this.createForm = page.getByRole('form', { name: 'Create a key' });
    this.createError = this.createForm.getByRole('alert');
    this.secretPanel = page.getByRole('region', { name: /^Key “.+” created$/ });
    this.secretInput = this.secretPanel.getByRole('textbox', { name: 'Secret' });
    this.copySecretButton = this.secretPanel.getByRole('button', { name: 'Copy secret' });
    this.dismissSecretButton = this.secretPanel.getByRole('button', { name: 'I have copied it' });
    this.editDialog = page.getByRole('dialog', { name: /^Edit key/ });
    this.revokeDialog = page.getByRole('dialog', { name: 'Revoke key?' });
  }

  async open(): Promise<Response> {
    const [keys] = await Promise.all([gatewayResponse(this.page, '/admin/api/keys', { method: 'GET' }), this.page.goto('/ui/keys')]);
    return keys;
  }

  /** Fills the create form and submits it; resolves with the POST's answer. */
  async createKey(form: NewKeyForm): Promise<Response> {
    await this.createForm.getByRole('textbox', { name: 'Name' }).fill(form.name);
    if (form.team) await this.createForm.getByRole('combobox', { name: 'Team' }).fill(form.team);
    for (const model of form.models ?? []) await this.createForm.getByRole('checkbox', { name: model, exact: true }).check();
    if (form.requestsPerMinute) await this.createForm.getByRole('spinbutton', { name: 'Requests per minute' }).fill(form.requestsPerMinute);
    const created = gatewayResponse(this.page, '/admin/api/keys', { method: 'POST' });
    await this.createForm.getByRole('button', { name: 'Create key' }).click();
    return created;
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  cell(name: string, column: KeyColumn): Locator {
    if (column === 'Name') return this.row(name).getByRole('rowheader');
    // The name is the row header; the other columns are cells, in table order.
    return this.row(name).getByRole('cell').nth(keyColumns.indexOf(column) - 1);
  }

  async refresh(): Promise<Response> {
    const [keys] = await Promise.all([
      gatewayResponse(this.page, '/admin/api/keys', { method: 'GET' }),
      this.page.getByRole('button', { name: 'Refresh keys' }).click(),
    ]);
    return keys;
  }

  async openEditDialog(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
  }

  /** Submits the open edit dialog; resolves with the PATCH's answer. */
  async saveEdit(): Promise<Response> {
    const saved = this.keyCall('PATCH');
    await this.editDialog.getByRole('button', { name: 'Save changes' }).click();
    return saved;
  }

  async revoke(name: string): Promise<Response> {
    await this.page.getByRole('button', { name: `Revoke ${name}`, exact: true }).click();
    const revoked = this.keyCall('DELETE');
    await this.revokeDialog.getByRole('button', { name: 'Revoke key' }).click();
    return revoked;
  }

  /** The answer to a call on one key: `METHOD /admin/api/keys/{id}`. */
  private keyCall(method: 'PATCH' | 'DELETE'): Promise<Response> {
    return this.page.waitForResponse(
      (response) => response.request().method() === method && new URL(response.url()).pathname.startsWith('/admin/api/keys/'),
    );
  }
}
