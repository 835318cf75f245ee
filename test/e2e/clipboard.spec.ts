import type { BrowserContext, Page } from '@playwright/test';
import { apiTabExpected, expect, extensionId, serviceWorker, test, vaultWithApiCredentials } from './extension';

/** The clipboard as an extension page reads it (the e2e build holds clipboardRead). */
async function clipboardText(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function setClipboard(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

async function copyApiToken(context: BrowserContext, popup: Page): Promise<void> {
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Copy API Token' }).click();
  await expect(popup.getByRole('status')).toHaveText('API Token copied; the clipboard is cleared in 30 s.');
  await popup.close();
  void context;
}

test('a copied secret is cleared from the clipboard 30 s later, after the popup has closed, unless something else was copied since', async ({ context }) => {
  test.setTimeout(120_000);
  const want = await apiTabExpected();
  const origin = `chrome-extension://${await extensionId(context)}`;
  const options = await context.newPage();
  await options.goto(`${origin}/options.html`);
  await expect(options.getByLabel(/Clear a copied secret after 30 s even when the popup has closed/)).toBeChecked();

  // Unchanged for 30 s: cleared, by the worker's offscreen document (the popup is gone).
  const { popup } = await vaultWithApiCredentials(context);
  const started = Date.now();
  await copyApiToken(context, popup);
  expect(await clipboardText(options)).toBe(want.apiToken);
  await options.waitForTimeout(20_000);
  expect(await clipboardText(options)).toBe(want.apiToken);
  await expect.poll(() => clipboardText(options), { timeout: 30_000, intervals: [1_000] }).toBe('');
  expect(Date.now() - started).toBeGreaterThanOrEqual(29_000);

  // Something copied since is never wiped. The alarm is brought forward through the alarms API
  // rather than waiting another 30 s.
  const again = await context.newPage();
  await again.goto(popup.url());
  await copyApiToken(context, again);
  await setClipboard(options, 'a note the admin copied afterwards');
  const worker = await serviceWorker(context);
  await worker.evaluate(() => chrome.alarms.create('keyferry-clipboard', { when: Date.now() + 200 }));
  // The alarm fired and the check ran (its pending SHA-256 is consumed)…
  await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null))), { timeout: 5_000 }).not.toContain('keyferry-clipboard-pending');
  await options.waitForTimeout(500);
  // …and left the admin's own copy alone.
  expect(await clipboardText(options)).toBe('a note the admin copied afterwards');
});
