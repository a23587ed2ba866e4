import { expect, test } from './fixtures/test';

test.describe('teams', () => {
  test('lists the config file’s teams and makes a new one with a budget', async ({ teamsPage }) => {
    await teamsPage.open();
    await expect(teamsPage.row('research')).toBeVisible();

    const name = `platform-${Date.now()}`;
    const created = await teamsPage.createTeam(name, { tokens: '250000', per: 'day' });
    expect(created.status()).toBe(201);
    await expect(teamsPage.row(name)).toContainText('250,000 tokens per day');
    await expect(teamsPage.row(name)).toContainText('Dashboard / admin API');

    const duplicate = await teamsPage.createTeam(name);
    expect(duplicate.status()).toBe(409);
    await expect(teamsPage.createError).toContainText('already exists');
  });
});
