import { expect, test } from './fixtures/test';

test.describe('overview page on a gateway with no providers', () => {
  test('shows the Gatehouse title, a healthy gateway and the empty-models message', async ({ overviewPage, page }) => {
    const { health, models } = await overviewPage.open();

    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(models.status()).toBe(200);
    expect(await models.json()).toMatchObject({ object: 'list', data: [] });

    await expect(page).toHaveTitle('Gatehouse');
    await expect(overviewPage.title).toBeVisible();
    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
    await expect(overviewPage.emptyModelsMessage).toBeVisible();
    await expect(overviewPage.modelItems).toHaveCount(0);
  });

  test('loads its scripts and styles from /ui/ without failed requests or console errors', async ({ overviewPage, page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });

    await overviewPage.open();
    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
    // The stylesheet applied: the status dot is drawn as a circle.
    await expect(overviewPage.healthStatus.locator('.status-message__dot')).toHaveCSS('border-radius', '50%');

    expect(problems).toEqual([]);
  });

  test('checks the gateway again when Refresh is pressed', async ({ overviewPage, page }) => {
    await overviewPage.open();
    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');

    const nextHealthCheck = page.waitForResponse((response) => new URL(response.url()).pathname === '/health');
    await overviewPage.refreshButton('gateway status').click();
    expect((await nextHealthCheck).status()).toBe(200);

    await expect(overviewPage.refreshButton('gateway status')).toBeEnabled();
    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
  });

  test('fits a phone-sized screen without sideways scrolling', async ({ overviewPage, page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await overviewPage.open();
    await expect(overviewPage.emptyModelsMessage).toBeVisible();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
