import { act, createVault, expect, FIXTURES, openPopup, serviceWorker, tabIdOf, test, UNREGISTERED } from './extension';
import type { BrowserContext, Page } from '@playwright/test';

async function badge(context: BrowserContext, page: Page): Promise<{ text: string; title: string }> {
  const worker = await serviceWorker(context);
  const tabId = await tabIdOf(context, page);
  return worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
}

test('the toolbar badge marks registered pages with a dot and counts credentials needing attention', async ({ context }) => {
  const edge = await context.newPage();
  await edge.goto(`${FIXTURES}/edge/account-native.html`);
  await expect.poll(() => badge(context, edge)).toEqual({ text: '•', title: 'Keyferry — this tab is a registered Titan Cloud Edge page' });

  // localhost is reachable in the e2e build but not registered: no dot.
  const other = await context.newPage();
  await other.goto(`${UNREGISTERED}/edge/account-native.html`);
  await expect.poll(async () => (await badge(context, other)).text).toBe('');

  // A Timus page with expiring and admin credentials: the count shows everywhere, the dot stays.
  const timus = await context.newPage();
  await timus.goto(`${FIXTURES}/timus/api-access-cards.html`);
  const popup = await openPopup(context, timus);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toContain('Captured');
  const needing = await popup.getByRole('heading', { name: /Needs attention/ }).textContent();
  const count = Number(/\d+/.exec(needing ?? '')?.[0]);
  expect(count).toBeGreaterThan(0);
  await expect.poll(async () => (await badge(context, other)).text).toBe(String(count));
  await expect.poll(async () => (await badge(context, edge)).text).toBe(`•${count}`);
  expect((await badge(context, edge)).title).toMatch(new RegExp(`${count} credentials? needs? attention`));

  // Locking hides the count; the dot stays, since it says what the page is.
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect.poll(async () => (await badge(context, edge)).text).toBe('•');
  await expect.poll(async () => (await badge(context, other)).text).toBe('');
});
