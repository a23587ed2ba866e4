import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/test';
import { sendChatCompletion } from './fixtures/send-chat-completion';

test.describe('usage analytics and the request log', () => {
  test('traffic through the gateway shows up in the totals, the chart, the request log and the CSV export', async ({
    adminApi,
    gateway,
    usagePage,
    requestsPage,
  }) => {
    // A key of its own, so the numbers below are this test's alone whatever else ran on this gateway.
    const key = await adminApi.createKey({ name: `traffic-${Date.now()}`, team: 'research' });
    const plan = [...Array(8).fill('qwen'), ...Array(4).fill('claude-sonnet')] as string[];
    const outcomes = [];
    for (const [index, model] of plan.entries()) outcomes.push(await sendChatCompletion(gateway.url, key.key, model, `Request number ${index + 1}, say hello.`));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(plan.map(() => 200));
    const inputTokens = outcomes.reduce((sum, outcome) => sum + outcome.promptTokens, 0);
    const outputTokens = outcomes.reduce((sum, outcome) => sum + outcome.completionTokens, 0);
    // Usage records are written in batches, about every second: wait until all twelve are in.
    await expect.poll(async () => (await adminApi.requests({ key: key.id, limit: '100' })).data.length).toBe(plan.length);

    await usagePage.open();
    const byKey = await usagePage.show('1 h', 'Key');
    expect(byKey.status()).toBe(200);
    await expect(usagePage.groupValue(key.name, 'Requests')).toHaveText('12');
    await expect(usagePage.groupValue(key.name, 'Input tokens')).toHaveText(inputTokens.toLocaleString('en-US'));
    await expect(usagePage.groupValue(key.name, 'Output tokens')).toHaveText(outputTokens.toLocaleString('en-US'));
    await expect(usagePage.groupValue(key.name, 'Errors')).toHaveText('0');
    // One line per group, named like its row in the table.
    await expect(usagePage.chartSeries).toHaveCount(await usagePage.groupRows.count());
    await expect(usagePage.chart.locator(`[data-series="${key.name}"] path`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);

    await usagePage.show('1 h', 'Model');
    await expect(usagePage.groupRow('qwen')).toBeVisible();
    await expect(usagePage.groupRow('claude-sonnet')).toBeVisible();
    await expect(usagePage.chartSeries).toHaveCount(await usagePage.groupRows.count());
    await expect(usagePage.chart.locator('[data-series="qwen"]')).toHaveCount(1);
    await expect(usagePage.chart.locator('[data-series="claude-sonnet"]')).toHaveCount(1);
    await usagePage.chartMetric('Requests');
    await expect(usagePage.chart.getByText('Requests per minute by model')).toBeAttached();

    await usagePage.show('24 h', 'Team');
    await expect(usagePage.groupValue('research', 'Requests')).not.toHaveText('0');

    // The request log: this key's twelve requests, ten to a page.
    await requestsPage.open();
    const firstPage = await requestsPage.filterByKey(key.id, '10');
    expect(((await firstPage.json()) as { data: unknown[] }).data).toHaveLength(10);
    await expect(requestsPage.rows).toHaveCount(10);
    await expect(requestsPage.rows.first()).toContainText(key.name);
    await expect(requestsPage.rows.first()).toContainText('claude-sonnet');
    await expect(requestsPage.shownCount).toHaveText('Showing the newest 10');
    await requestsPage.loadMore();
    await expect(requestsPage.rows).toHaveCount(12);
    await expect(requestsPage.rows.last()).toContainText('qwen');
    await expect(requestsPage.loadMoreButton).toHaveCount(0);
    await expect(requestsPage.shownCount).toHaveText('All 12 shown');

    const download = await requestsPage.exportCsv();
    expect(download.suggestedFilename()).toBe('gatehouse-requests.csv');
    const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 6)).toEqual(['id', 'time', 'request_id', 'key_id', 'key_name', 'team']);
    expect(lines).toHaveLength(1 + plan.length);
    expect(lines.slice(1).every((line) => line.includes(key.id))).toBe(true);
  });
});
