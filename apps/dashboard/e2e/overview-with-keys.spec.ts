import { expect, test } from './fixtures/test';

// With auth.mode keys, /health stays open but /v1/models needs a gateway key the dashboard does not send.
test.use({
  gatewayConfig: {
    auth: { mode: 'keys' },
    keys: [{ name: 'e2e', key: 'gh-e2e-key-0123456789abcdef' }],
    providers: [],
    models: [],
  },
});

test('reports the model list as unavailable when the gateway requires keys', async ({ overviewPage }) => {
  const { health, models } = await overviewPage.open();
  expect(health.status()).toBe(200);
  expect(models.status()).toBe(401);

  await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
  await expect(overviewPage.modelsStatus).toContainText('Could not load models');
  await expect(overviewPage.modelsStatus).toContainText('HTTP 401');
  await expect(overviewPage.emptyModelsMessage).toBeHidden();
});
