import type { Page } from '@playwright/test';
import { act, apiTabExpected, expect, FIXTURES, openPopup, serviceWorker, test, vaultWithApiCredentials } from './extension';

/** Stops the extension's service worker the way Chromium does when it is idle (CDP). */
async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('a stopped service worker comes back unlocked, with the vault intact, and the next fill works', async ({ context }) => {
  const { popup } = await vaultWithApiCredentials(context);
  await stopWorkers(popup);
  const edge = await context.newPage();
  await edge.goto(`${FIXTURES}/edge/account-native.html`);
  const edgePopup = await openPopup(context, edge);
  await expect(edgePopup.getByRole('button', { name: 'Fill page' })).toBeVisible();
  expect(await act(edgePopup, 'Fill page')).toMatch(/Filled 7 of 7 fields/);
});

test('a service worker stopped in the middle of a 10,000-row capture leaves a consistent vault', async ({ context }) => {
  const { popup } = await vaultWithApiCredentials(context);
  const sites = await context.newPage();
  await sites.goto(`${FIXTURES}/generated/sites-table.html?rows=10000`);
  const sitesPopup = await openPopup(context, sites);
  await sitesPopup.getByLabel(/Tenant \(optional/).fill('acme-fuels');
  await sitesPopup.getByRole('button', { name: 'Capture from page' }).click();
  await sitesPopup.waitForTimeout(150);
  await stopWorkers(sitesPopup);
  // Either the capture completed or it reported failure: never a half-written list.
  await sitesPopup.waitForFunction(() => {
    const text = document.querySelector('[role=status]')?.textContent;
    return !!text && text !== 'Working…';
  });
  await popup.reload();
  await popup.getByRole('button', { name: 'Capture from page' }).waitFor();
  // All or nothing: no site list, or all 10,000 sites.
  const count = await popup.getByText(/of [\d,]+ sites/).textContent();
  expect(count).toMatch(/^(0 of 0|[\d,]+ of 10,000) sites/);
  // The next action works.
  await sitesPopup.reload();
  await sitesPopup.getByLabel(/Tenant \(optional/).fill('acme-fuels');
  expect(await act(sitesPopup, 'Capture from page')).toMatch(/Captured 10,000 sites for tenant acme-fuels/);
});

test('a full disk (QuotaExceededError) is reported clearly and loses nothing already stored', async ({ context }) => {
  const { popup } = await vaultWithApiCredentials(context);
  // Chromium does not enforce a CDP quota override on extension origins, so the worker's IndexedDB
  // is made to fail the way a full disk does: any record over 100 KB (the 10,000-site list) is
  // refused with QuotaExceededError, after the smaller records of the same write went in.
  const worker = await serviceWorker(context);
  await worker.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    (globalThis as { restorePut?: () => void }).restorePut = () => (IDBObjectStore.prototype.put = put);
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (((value as { data?: ArrayBuffer }).data?.byteLength ?? 0) > 100_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });

  const sites = await context.newPage();
  await sites.goto(`${FIXTURES}/generated/sites-table.html?rows=10000`);
  const sitesPopup = await openPopup(context, sites);
  await sitesPopup.getByLabel(/Tenant \(optional/).fill('bench-tenant');
  const refused = await act(sitesPopup, 'Capture from page');
  expect(refused).toMatch(/no storage space left for Keyferry: nothing was written/);
  expect(refused).not.toMatch(/Captured/);

  // What was stored before is intact; the refused write left nothing behind (not even its tenant).
  await popup.reload();
  await popup.getByRole('button', { name: 'Reveal API Token' }).click();
  await expect(popup.getByText((await apiTabExpected()).apiToken)).toBeVisible();
  await expect(popup.getByRole('option', { name: /bench-tenant/ })).toHaveCount(0);

  // With room again, the same capture works.
  await worker.evaluate(() => (globalThis as { restorePut?: () => void }).restorePut?.());
  await sitesPopup.reload();
  await sitesPopup.getByLabel(/Tenant \(optional/).fill('bench-tenant');
  expect(await act(sitesPopup, 'Capture from page')).toContain('Captured 10,000 sites for tenant bench-tenant: 10,000 new');
});
