import { expect, test } from './fixtures/test';
import { sendChatCompletion } from './fixtures/send-chat-completion';

test.describe('keys', () => {
  test('a key made in the dashboard works once, shows its use, and stops working when revoked there', async ({ keysPage, gateway, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = `ci-runner-${Date.now()}`;
    await keysPage.open();

    const created = await keysPage.createKey({ name, team: 'research', models: ['qwen'], requestsPerMinute: '600' });
    expect(created.status()).toBe(201);
    expect(created.request().postDataJSON()).toEqual({ name, team: 'research', models: ['qwen'], limits: { rpm: 600 } });

    // The secret, once: with a warning and a copy button that really copies it.
    await expect(keysPage.secretPanel).toContainText('This is the only time it is shown');
    const secret = await keysPage.secretInput.inputValue();
    expect(secret).toBe(((await created.json()) as { key: string }).key);
    await keysPage.copySecretButton.click();
    await expect(keysPage.secretPanel.getByRole('status')).toHaveText('Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await keysPage.dismissSecretButton.click();
    await expect(keysPage.secretPanel).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(page.locator(`input[value="${secret}"]`)).toHaveCount(0);

    await expect(keysPage.cell(name, 'Prefix')).toHaveText(secret.slice(0, 12));
    await expect(keysPage.cell(name, 'Team')).toHaveText('research');
    await expect(keysPage.cell(name, 'Models')).toHaveText('qwen');
    await expect(keysPage.cell(name, 'Limits')).toHaveText('600 rpm');
    await expect(keysPage.cell(name, 'Last used')).toHaveText('Never');
    await expect(keysPage.cell(name, 'Status')).toHaveText('active');

    // The secret works against /v1 (auth.mode keys), and the allow-list holds.
    expect((await sendChatCompletion(gateway.url, secret, 'qwen')).status).toBe(200);
    expect((await sendChatCompletion(gateway.url, secret, 'claude-sonnet')).status).toBe(403);

    // The gateway stamps "last used" every few seconds; refresh until it shows.
    await expect(async () => {
      await keysPage.refresh();
      await expect(keysPage.cell(name, 'Last used')).not.toHaveText('Never', { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(keysPage.cell(name, 'Last used').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

    await keysPage.revoke(name);
    await expect(keysPage.cell(name, 'Status')).toHaveText('revoked');
    await expect(keysPage.row(name).getByRole('button')).toHaveCount(0);
    const refused = await sendChatCompletion(gateway.url, secret, 'qwen');
    expect(refused.status).toBe(401);
    expect(refused.errorMessage).toContain('revoked');
  });

  test('editing a key shows the gateway’s field path for a bad value, then saves a good one', async ({ keysPage, adminApi }) => {
    const key = await adminApi.createKey({ name: `editable-${Date.now()}` });
    await keysPage.open();
    await keysPage.openEditDialog(key.name);
    await expect(keysPage.editDialog).toBeVisible();

    await keysPage.editDialog.getByRole('spinbutton', { name: 'Requests per minute' }).fill('0');
    const refused = await keysPage.saveEdit();
    expect(refused.status()).toBe(400);
    await expect(keysPage.editDialog.getByRole('alert')).toContainText('limits.rpm');
    await expect(keysPage.editDialog.getByRole('alert')).toContainText('must be at least 1');
    await expect(keysPage.editDialog.getByRole('spinbutton', { name: 'Requests per minute' })).toHaveAttribute('aria-invalid', 'true');

    await keysPage.editDialog.getByRole('spinbutton', { name: 'Requests per minute' }).fill('120');
    await keysPage.editDialog.getByRole('checkbox', { name: 'claude-sonnet', exact: true }).check();
    await keysPage.editDialog.getByRole('spinbutton', { name: 'Tokens', exact: true }).fill('50000');
    await keysPage.editDialog.getByRole('combobox', { name: 'Per' }).selectOption('day');
    const saved = await keysPage.saveEdit();
    expect(saved.status()).toBe(200);
    expect(saved.request().postDataJSON()).toEqual({
      models: ['claude-sonnet'],
      limits: { rpm: 120 },
      budget: { tokens: 50000, period: 'day' },
      expires_at: null,
    });
    await expect(keysPage.editDialog).toBeHidden();
    await expect(keysPage.cell(key.name, 'Limits')).toHaveText('120 rpm');
    await expect(keysPage.cell(key.name, 'Models')).toHaveText('claude-sonnet');
    await expect(keysPage.cell(key.name, 'Budget')).toHaveText('50,000 tokens per day');
  });

  test('the create form names each field the gateway refused', async ({ keysPage }) => {
    await keysPage.open();
    const refused = await keysPage.createKey({ name: '   ', requestsPerMinute: '-5' });
    expect(refused.status()).toBe(400);
    await expect(keysPage.createError).toContainText('name');
    await expect(keysPage.createError).toContainText('limits.rpm');
    await expect(keysPage.secretPanel).toHaveCount(0);
  });
});
