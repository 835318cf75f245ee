import type { Page } from '@playwright/test';
import { act, expect, FIXTURES, openPopup, submitted, test, vaultWithApiCredentials } from './extension';

/** Everything the page itself could have seen: its own log and every field's value. */
async function pageView(page: Page): Promise<string> {
  return page.evaluate(() => {
    const desc = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const seen = (window as unknown as { __seen: string[] }).__seen;
    const values = Array.from(document.querySelectorAll('input')).map((i) => {
      try {
        return String(desc.get!.call(i));
      } catch {
        return '';
      }
    });
    return JSON.stringify({ seen, values, html: document.documentElement.outerHTML });
  });
}

test('a hostile page that forges messages and clicks gets nothing while the admin does nothing', async ({ context }) => {
  const { expected: want } = await vaultWithApiCredentials(context);
  const page = await context.newPage();
  await page.goto(`${FIXTURES}/hostile/account-hostile.html`);
  await page.locator('keyferry-inline').waitFor({ state: 'attached' });
  await page.waitForTimeout(2000);
  const view = await pageView(page);
  expect(view).not.toContain(want.apiToken);
  expect(view).not.toContain(want.apiSecretKey);
});

test('filling a hostile page: secrets go only into the fields asked for, not into planted look-alikes', async ({ context }) => {
  const { expected: want } = await vaultWithApiCredentials(context);
  const page = await context.newPage();
  await page.goto(`${FIXTURES}/hostile/account-hostile.html`);
  const popup = await openPopup(context, page);
  expect(await act(popup, 'Fill page')).toMatch(/Filled 7 of 7 fields/);
  await page.bringToFront();
  await page.locator('#save').click();
  await expect.poll(() => submitted('account-hostile')).not.toBeNull();
  const form = (await submitted('account-hostile')) as { clientSecret: string; maintenancePassword: string; traps: string[] };
  expect(form.clientSecret).toBe(want.apiSecretKey);
  expect(form.maintenancePassword).toBe(want.apiToken);
  expect(form.traps.length).toBeGreaterThan(0);
  for (const trap of form.traps) expect(trap).toBe('');
  // The main world's overridden value setter never saw a value being set: Keyferry sets values
  // through its own isolated world's setter.
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.filter((s) => s.startsWith('set:'))).toEqual([]);
  // Keyferry keeps working after the attack.
  expect(await act(popup, 'Fill page')).toMatch(/Filled|already correct/);
});
