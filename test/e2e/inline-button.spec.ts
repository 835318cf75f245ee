import type { Page } from '@playwright/test';
import { act, expect, extensionId, FIXTURES, openPopup, submitted, test, vaultWithApiCredentials } from './extension';

async function clickInline(page: Page): Promise<void> {
  const host = page.locator('keyferry-inline');
  await host.waitFor({ state: 'attached' });
  const box = await host.boundingBox();
  if (!box) throw new Error('the inline button has no box');
  await page.mouse.click(box.x + 10, box.y + box.height / 2);
}

/** Counts the script worlds Keyferry gets in the page from now on: one each time the worker injects inline.js. */
async function countKeyferryWorlds(page: Page, extension: string): Promise<() => number> {
  const cdp = await page.context().newCDPSession(page);
  let worlds = 0;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${extension}`) worlds++;
  });
  await cdp.send('Runtime.enable');
  return () => worlds;
}

async function fieldValues(page: Page): Promise<string[]> {
  return page.locator('input:not([type=checkbox])').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

test('the inline button fills on a real click, ignores forged clicks, and does nothing while locked', async ({ context }) => {
  const { popup, expected: want } = await vaultWithApiCredentials(context);

  const edge = await context.newPage();
  await edge.goto(`${FIXTURES}/edge/account-native.html`);
  await edge.locator('keyferry-inline').waitFor({ state: 'attached' });
  const before = await fieldValues(edge);

  // A page script's synthetic click on the button does nothing.
  await edge.evaluate(() => {
    const host = document.querySelector('keyferry-inline')!;
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    for (const el of [host, ...Array.from(host.children)]) (el as HTMLElement).click?.();
    // Through the shadow root too, were it reachable (it is closed; the click handler also
    // ignores untrusted events).
    (host.shadowRoot?.querySelector('button') as HTMLElement | null)?.click();
  });
  await edge.waitForTimeout(500);
  expect(await fieldValues(edge)).toEqual(before);

  // Locked: a real click changes nothing.
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await edge.bringToFront();
  await clickInline(edge);
  await edge.waitForTimeout(800);
  expect(await fieldValues(edge)).toEqual(before);

  // Unlocked: a real click fills.
  await popup.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('button', { name: 'Capture from page' })).toBeVisible();
  await edge.bringToFront();
  await clickInline(edge);
  await expect.poll(async () => (await fieldValues(edge)).includes(want.apiToken)).toBe(true);
  await edge.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => submitted('account-native')).not.toBeNull();
  expect(await submitted('account-native')).toMatchObject({ clientSecret: want.apiSecretKey, maintenancePassword: want.apiToken });
});

test('no inline button on a page that is not an Edge form', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${FIXTURES}/maintenance/api-native.html`);
  await page.waitForTimeout(1000);
  expect(await page.locator('keyferry-inline').count()).toBe(0);
});

for (const style of ['account-wc', 'account-vuetify', 'account-react']) {
  test(`the inline button is placed on ${style} (a section in a shadow root, or rendered a second after load)`, async ({ context }) => {
    await vaultWithApiCredentials(context);
    const page = await context.newPage();
    await page.goto(`${FIXTURES}/edge/${style}.html`);
    await expect(page.locator('keyferry-inline')).toHaveCount(1, { timeout: 10_000 });
  });
}

test('on a Facility Profile, the inline button appears once the admin opens the tab holding Data Vendor Mapping', async ({ context }) => {
  await vaultWithApiCredentials(context);
  const page = await context.newPage();
  await page.goto(`${FIXTURES}/edge/facility-wc.html`);
  await page.waitForTimeout(1_500);
  expect(await page.locator('keyferry-inline').count()).toBe(0);
  // The tab switch happens inside the web component's shadow root: no mutation the page-level
  // observer sees, so the admin's click is what prompts another look.
  await page.getByRole('tab', { name: 'Misc Information' }).click();
  await expect(page.locator('keyferry-inline')).toHaveCount(1, { timeout: 5_000 });
});

test('an Edge app page that names no form page runs nothing of Keyferry; a client-side route to Account Settings gets the button, and loses it on the way back', async ({ context }) => {
  const { expected: want } = await vaultWithApiCredentials(context);
  const id = await extensionId(context);
  const app = await context.newPage();
  const worlds = await countKeyferryWorlds(app, id);
  await app.goto(`${FIXTURES}/edge/console.html`);
  await app.waitForTimeout(1_500);
  expect(worlds()).toBe(0);

  await app.getByRole('link', { name: 'Account Settings' }).click();
  await expect(app.locator('keyferry-inline')).toHaveCount(1, { timeout: 10_000 });
  expect(worlds()).toBeGreaterThan(0);
  await clickInline(app);
  await expect.poll(async () => (await fieldValues(app)).includes(want.apiToken)).toBe(true);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => submitted('console')).not.toBeNull();
  expect(await submitted('console')).toMatchObject({ integration: 'Titan Maintenance', clientSecret: want.apiSecretKey, maintenancePassword: want.apiToken });

  await app.getByRole('link', { name: 'Dashboard' }).click();
  await expect(app.locator('keyferry-inline')).toHaveCount(0, { timeout: 5_000 });
});

test('a page whose address and title say nothing gets the button once Keyferry filled it from the popup', async ({ context }) => {
  const { expected: want } = await vaultWithApiCredentials(context);
  const page = await context.newPage();
  await page.goto(`${FIXTURES}/edge/console.html?v=2`);
  await page.waitForTimeout(1_500);
  expect(await page.locator('keyferry-inline').count()).toBe(0);

  const popup = await openPopup(context, page);
  expect(await act(popup, 'Fill page')).toContain('Filled');
  await popup.close();
  expect(await fieldValues(page)).toContain(want.apiToken);

  // Another record of the same page kind, loaded afresh.
  await page.goto(`${FIXTURES}/edge/console.html?v=2&facility=9`);
  await expect(page.locator('keyferry-inline')).toHaveCount(1, { timeout: 10_000 });
});
