import { emulatedGatewayConfig } from './fixtures/gateway-config';
import { expect, test } from './fixtures/test';

const { admin: _admin, ...withoutAdminKey } = emulatedGatewayConfig;
test.use({ gatewayConfig: withoutAdminKey, signedIn: false });

test.describe('on a gateway without an admin key', () => {
  test('sign-in says the admin API is disabled and how to enable it', async ({ signInPage }) => {
    await signInPage.open();
    const refused = await signInPage.signIn('any-key-at-all');
    expect(refused.status()).toBe(403);
    await expect(signInPage.failure).toContainText('The admin API is disabled (HTTP 403)');
    await expect(signInPage.failure).toContainText('admin.api_key');
  });
});
