import { type Locator, type Page, type Response } from '@playwright/test';

/** The dashboard's landing page at /ui: the gateway's health and its model list. */
export class OverviewPage {
  readonly title: Locator;
  readonly healthPanel: Locator;
  readonly healthStatus: Locator;
  readonly modelsPanel: Locator;
  readonly modelsStatus: Locator;
  readonly modelItems: Locator;
  readonly emptyModelsMessage: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1, name: 'Gatehouse' });
    this.healthPanel = page.getByRole('region', { name: 'Gateway status' });
    this.healthStatus = this.healthPanel.getByRole('status');
    this.modelsPanel = page.getByRole('region', { name: 'Models' });
    this.modelsStatus = this.modelsPanel.getByRole('status');
    this.modelItems = this.modelsPanel.getByRole('listitem');
    this.emptyModelsMessage = this.modelsPanel.getByText('No models configured — add a provider');
  }

  /** Opens /ui and resolves with the page's own calls to /health and /v1/models once both have answered. */
  async open(): Promise<{ health: Response; models: Response }> {
    const [health, models] = await Promise.all([
      this.page.waitForResponse((response) => this.pathOf(response) === '/health'),
      this.page.waitForResponse((response) => this.pathOf(response) === '/v1/models'),
      this.page.goto('/ui'),
    ]);
    return { health, models };
  }

  refreshButton(subject: 'gateway status' | 'models'): Locator {
    return this.page.getByRole('button', { name: `Refresh ${subject}` });
  }

  private pathOf(response: Response): string {
    return new URL(response.url()).pathname;
  }
}
