import { type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

export type ExplainDialect = 'Guess from the body' | 'OpenAI Chat Completions' | 'OpenAI Responses' | 'Anthropic Messages';

/** /ui/models: effective models, the override editor, and route explain. */
export class ModelsPage {
  readonly table: Locator;
  readonly overrideDialog: Locator;
  readonly overrideDefinition: Locator;
  readonly overrideError: Locator;
  readonly deleteDialog: Locator;
  readonly explainForm: Locator;
  readonly explanation: Locator;
  readonly explainError: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('region', { name: 'Effective models' }).getByRole('table');
    this.overrideDialog = page.getByRole('dialog', { name: /^Override “.+”$|^Add a model$/ });
    this.overrideDefinition = this.overrideDialog.getByRole('textbox', { name: 'Definition (JSON)' });
    this.overrideError = this.overrideDialog.getByRole('alert');
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete override?' });
    this.explainForm = page.getByRole('form', { name: 'Route explain' });
    this.explanation = page.getByRole('region', { name: 'Route explanation' });
    this.explainError = page.getByRole('region', { name: 'Route explain' }).getByRole('alert');
  }

  async open(): Promise<Response> {
    const [models] = await Promise.all([gatewayResponse(this.page, '/admin/api/models', { method: 'GET' }), this.page.goto('/ui/models')]);
    return models;
  }

  row(model: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: model, exact: true }) });
  }

  async openOverrideEditor(model: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit override of ${model}`, exact: true }).click();
  }

  /** Replaces the JSON in the open override editor and saves; resolves with the PUT's answer. */
  async saveOverride(model: string, definition: unknown): Promise<Response> {
    await this.overrideDefinition.fill(JSON.stringify(definition, null, 2));
    const saved = gatewayResponse(this.page, `/admin/api/models/${encodeURIComponent(model)}`, { method: 'PUT' });
    await this.overrideDialog.getByRole('button', { name: 'Save override' }).click();
    return saved;
  }

  async deleteOverride(model: string): Promise<Response> {
    await this.page.getByRole('button', { name: `Delete override of ${model}`, exact: true }).click();
    const deleted = gatewayResponse(this.page, `/admin/api/models/${encodeURIComponent(model)}`, { method: 'DELETE' });
    await this.deleteDialog.getByRole('button', { name: 'Delete override' }).click();
    return deleted;
  }

  async explain(body: unknown, dialect: ExplainDialect): Promise<Response> {
    await this.explainForm.getByRole('combobox', { name: 'Dialect' }).selectOption({ label: dialect });
    await this.explainForm.getByRole('textbox', { name: 'Request body (JSON)' }).fill(JSON.stringify(body, null, 2));
    const explained = gatewayResponse(this.page, '/admin/api/route/explain', { method: 'POST' });
    await this.explainForm.getByRole('button', { name: 'Explain route' }).click();
    return explained;
  }

  /** A value of the explanation's summary ("Decision" → "complex"). */
  explanationValue(term: 'Requested model' | 'Routed to' | 'Decision' | 'First target' | 'Dialect'): Locator {
    return this.explanation.locator('dl > div').filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) }).getByRole('definition');
  }
}
