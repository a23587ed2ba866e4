import { type Locator, type Page, type Response } from '@playwright/test';
import { gatewayResponse } from './gateway-responses';

/** The sign-in screen shown until the dashboard has an admin key. */
export class SignInPage {
  readonly heading: Locator;
  readonly adminKeyInput: Locator;
  readonly signInButton: Locator;
  /** Why signing in failed (role=alert). */
  readonly failure: Locator;
  /** Why the sign-in page is back: signed out, or the key stopped working. */
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sign in to Gatehouse' });
    this.adminKeyInput = page.getByLabel('Admin key');
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.failure = page.getByRole('alert');
    this.notice = page.getByRole('status');
  }

  async open(path = '/ui/'): Promise<void> {
    await this.page.goto(path);
  }

  /** Types the key, presses Sign in and resolves with the gateway's answer to the check. */
  async signIn(adminKey: string): Promise<Response> {
    await this.adminKeyInput.fill(adminKey);
    const check = gatewayResponse(this.page, '/admin/api/config');
    await this.signInButton.click();
    return check;
  }
}
