import { testAdminKey } from './fixtures/gateway-config';
import { expect, test } from './fixtures/test';

test.use({ signedIn: false });

test.describe('signing in with the admin key', () => {
  test('a wrong key is refused with a clear message; the right one opens the overview', async ({ signInPage, overviewPage, shell, page }) => {
    await signInPage.open();
    await expect(signInPage.heading).toBeVisible();
    await expect(shell.navigation).toHaveCount(0);

    const refused = await signInPage.signIn('not-the-admin-key');
    expect(refused.status()).toBe(401);
    expect(refused.request().headers().authorization).toBe('Bearer not-the-admin-key');
    await expect(signInPage.failure).toContainText('The gateway refused this admin key (HTTP 401)');
    await expect(signInPage.adminKeyInput).toHaveAttribute('aria-invalid', 'true');
    expect(await page.evaluate(() => sessionStorage.getItem('gatehouse-admin-key'))).toBeNull();

    const accepted = await signInPage.signIn(testAdminKey);
    expect(accepted.status()).toBe(200);
    await expect(overviewPage.heading).toBeVisible();
    await expect(overviewPage.healthStatus).toHaveText('Gateway healthy');
    await expect(page).toHaveTitle('Overview · Gatehouse');
    expect(await page.evaluate(() => sessionStorage.getItem('gatehouse-admin-key'))).toBe(testAdminKey);
  });

  test('the session survives a reload and ends with Sign out', async ({ signInPage, overviewPage, shell, page }) => {
    await signInPage.open('/ui/keys');
    await signInPage.signIn(testAdminKey);
    // Signing in keeps the page that was asked for.
    await expect(shell.pageHeading).toHaveText('Keys');

    await page.reload();
    await expect(shell.pageHeading).toHaveText('Keys');
    await shell.goTo('Overview');
    await expect(overviewPage.heading).toBeVisible();

    await shell.signOutButton.click();
    await expect(signInPage.heading).toBeVisible();
    await expect(signInPage.notice).toHaveText('You are signed out.');
    expect(await page.evaluate(() => sessionStorage.getItem('gatehouse-admin-key'))).toBeNull();
    await page.reload();
    await expect(signInPage.heading).toBeVisible();
  });

  test('a stored key the gateway no longer accepts ends the session and says why', async ({ signInPage, shell, page }) => {
    await page.addInitScript(() => sessionStorage.setItem('gatehouse-admin-key', 'an-admin-key-since-rotated'));
    await signInPage.open('/ui/teams');
    await expect(signInPage.heading).toBeVisible();
    await expect(signInPage.notice).toHaveText('The gateway no longer accepts this admin key (HTTP 401). Sign in again.');
    await expect(shell.navigation).toHaveCount(0);
  });
});
