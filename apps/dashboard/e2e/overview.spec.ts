import { expect, test } from './fixtures/test';
import { sendChatCompletion } from './fixtures/send-chat-completion';

test.describe('overview page', () => {
  test('shows health, readiness with each check, providers with health and breaker state, and the day’s totals', async ({ overviewPage, adminApi, gateway }) => {
    // One request of its own, so the day's totals cannot be zero whatever ran before on this gateway.
    const key = await adminApi.createKey({ name: `overview-${Date.now()}` });
    expect((await sendChatCompletion(gateway.url, key.key, 'qwen')).status).toBe(200);
    await expect.poll(async () => (await adminApi.requests({ key: key.id })).data.length).toBe(1);

    const { health, ready, providers, usage } = await overviewPage.open();
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(ready.status()).toBe(200);
    expect(providers.request().headers().authorization).toMatch(/^Bearer /);
    const { total } = (await usage.json()) as { total: { requests: number } };
    expect(total.requests).toBeGreaterThanOrEqual(1);

    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
    await expect(overviewPage.readinessSummary).toHaveText('Ready to serve requests');
    await expect(overviewPage.readinessChecks.filter({ hasText: 'database' })).toContainText('ok');
    await expect(overviewPage.readinessChecks.filter({ hasText: 'provider:emulated-openai' })).toContainText('ok');

    for (const name of ['emulated-openai', 'emulated-anthropic']) {
      await expect(overviewPage.provider(name)).toContainText('reachable');
      await expect(overviewPage.provider(name)).toContainText('circuit closed');
    }
    await expect(overviewPage.provider('emulated-openai')).toContainText('Serves qwen');
    await expect(overviewPage.lastDayStat('Requests')).toHaveText(String(total.requests));
  });

  test('tests a provider with a real call and shows the outcome', async ({ overviewPage, page }) => {
    await overviewPage.open();
    const provider = overviewPage.provider('emulated-openai');
    const tested = page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/api/providers/emulated-openai/test');
    await provider.getByRole('button', { name: 'Test emulated-openai' }).click();
    expect((await tested).status()).toBe(200);
    await expect(provider.getByRole('status')).toHaveText(/^OK · HTTP 200 · \d+ ms$/);
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

  test('loads its scripts and styles from /ui/ without failed requests or console errors', async ({ overviewPage, shell, page }) => {
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
    for (const name of ['Keys', 'Teams', 'Models & routes', 'Usage', 'Requests'] as const) await shell.goTo(name);
    await expect(shell.navLink('Requests')).toHaveAttribute('aria-current', 'page');

    expect(problems).toEqual([]);
  });

  test('client-side routes load directly, and back and forward work', async ({ shell, page }) => {
    await page.goto('/ui/models');
    await expect(shell.pageHeading).toHaveText('Models & routes');
    await shell.goTo('Teams');
    await expect(page).toHaveURL(/\/ui\/teams$/);
    await page.goBack();
    await expect(shell.pageHeading).toHaveText('Models & routes');
    await page.goForward();
    await expect(shell.pageHeading).toHaveText('Teams');
    await page.goto('/ui/no-such-page');
    await expect(shell.pageHeading).toHaveText('Page not found');
  });

  test('fits a phone-sized screen without sideways scrolling, on every page', async ({ overviewPage, shell, page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await overviewPage.open();
    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
    for (const name of ['Overview', 'Keys', 'Teams', 'Models & routes', 'Usage', 'Requests'] as const) {
      await shell.goTo(name);
      await expect(page.getByText(/^Loading .+…$/)).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });

  test('follows the dark colour scheme and the theme choice', async ({ overviewPage, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await overviewPage.open();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(14, 17, 23)');

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    expect(await background()).toBe('rgb(245, 247, 250)');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
    expect(await background()).toBe('rgb(245, 247, 250)');
  });
});
