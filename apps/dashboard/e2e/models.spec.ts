import { expect, test } from './fixtures/test';

test.describe('models and routes', () => {
  test('an override is validated by the gateway, field by field, then applied and deleted', async ({ modelsPage }) => {
    await modelsPage.open();
    await expect(modelsPage.row('qwen')).toContainText('emulated-openai');
    await expect(modelsPage.row('qwen')).toContainText('config file');
    await expect(modelsPage.row('claude-sonnet')).toContainText('qwen'); // its fallback

    await modelsPage.openOverrideEditor('qwen');
    await expect(modelsPage.overrideDefinition).toHaveValue(/"provider": "emulated-openai"/);

    const refused = await modelsPage.saveOverride('qwen', { targets: [{ provider: 'emulated-openai', model: 'Qwen/Qwen2.5-7B-Instruct', weight: -1 }], speed: 'fast' });
    expect(refused.status()).toBe(400);
    const issues = modelsPage.overrideError.getByRole('listitem');
    await expect(issues.filter({ hasText: 'targets[0].weight' })).toContainText('must be more than 0');
    await expect(issues.filter({ hasText: 'speed' })).toContainText('unknown field');

    const unknownProvider = await modelsPage.saveOverride('qwen', { targets: [{ provider: 'emulated-opnai' }] });
    expect(unknownProvider.status()).toBe(400);
    await expect(modelsPage.overrideError).toContainText('targets[0].provider');
    await expect(modelsPage.overrideError).toContainText('did you mean "emulated-openai"?');

    const saved = await modelsPage.saveOverride('qwen', {
      targets: [
        { provider: 'emulated-openai', model: 'Qwen/Qwen2.5-7B-Instruct', weight: 3 },
        { provider: 'emulated-anthropic', model: 'claude-haiku-4-5', weight: 1 },
      ],
    });
    expect(saved.status()).toBe(200);
    await expect(modelsPage.overrideDialog).toBeHidden();
    await expect(modelsPage.row('qwen')).toContainText('override of file');
    await expect(modelsPage.row('qwen')).toContainText('claude-haiku-4-5 · weight 1 (25%)');

    expect((await modelsPage.deleteOverride('qwen')).status()).toBe(204);
    await expect(modelsPage.row('qwen')).toContainText('config file');
    await expect(modelsPage.row('qwen')).not.toContainText('claude-haiku-4-5');
  });

  test('the editor catches JSON that does not parse before anything is sent', async ({ modelsPage, page }) => {
    await modelsPage.open();
    await modelsPage.openOverrideEditor('claude-sonnet');
    const puts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') puts.push(request.url());
    });
    await modelsPage.overrideDefinition.fill('{ "targets": [ }');
    await modelsPage.overrideDialog.getByRole('button', { name: 'Save override' }).click();
    await expect(modelsPage.overrideDialog.getByText(/^Not valid JSON:/)).toBeVisible();
    expect(puts).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(modelsPage.overrideDialog).toBeHidden();
  });

  test('route explain shows the decision, the target and the trace', async ({ modelsPage }) => {
    await modelsPage.open();
    const explained = await modelsPage.explain(
      { model: 'auto', messages: [{ role: 'user', content: 'Is this theorem true for every prime?' }] },
      'OpenAI Chat Completions',
    );
    expect(explained.status()).toBe(200);
    expect(new URL(explained.url()).searchParams.get('dialect')).toBe('openai-chat');
    await expect(modelsPage.explanationValue('Routed to')).toHaveText('claude-sonnet');
    await expect(modelsPage.explanationValue('Decision')).toHaveText('complex');
    await expect(modelsPage.explanationValue('First target')).toHaveText('emulated-anthropic · claude-sonnet-4-5-20250929');
    await expect(modelsPage.explanationValue('Dialect')).toHaveText('openai-chat (given)');
    const attempts = modelsPage.explanation.getByRole('table').getByRole('row');
    await expect(attempts).toHaveCount(3); // header, the target, the fallback
    await expect(attempts.nth(2)).toContainText('fallback');
    const trace = modelsPage.explanation.getByRole('list', { name: 'Decision trace' });
    await expect(trace).toContainText('matched');
    await expect(trace).toContainText('keywords [proof, theorem]');
    await expect(trace).toContainText('found "theorem"');

    const named = await modelsPage.explain({ model: 'qwen', input: 'hello' }, 'Guess from the body');
    expect(new URL(named.url()).searchParams.has('dialect')).toBe(false);
    await expect(modelsPage.explanationValue('Decision')).toHaveText('none (none)');
    await expect(modelsPage.explanationValue('Dialect')).toHaveText('openai-responses (guessed)');

    const unknown = await modelsPage.explain({ model: 'no-such-model', messages: [] }, 'OpenAI Chat Completions');
    expect(unknown.status()).toBe(404);
    await expect(modelsPage.explainError).toContainText('HTTP 404');
  });
});
