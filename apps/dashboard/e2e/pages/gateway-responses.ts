import { type Page, type Response } from '@playwright/test';

/** Waits for the page's own call to a gateway path (`/admin/api/keys`), optionally of one method, with query parameters it must carry. */
export function gatewayResponse(page: Page, pathname: string, options: { method?: string; query?: Record<string, string> } = {}): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    if (url.pathname !== pathname) return false;
    if (options.method && response.request().method() !== options.method) return false;
    return Object.entries(options.query ?? {}).every(([name, value]) => url.searchParams.get(name) === value);
  });
}
