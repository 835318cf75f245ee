import { act, createVault, expect, FIXTURES, launch, openPopup, submitted, test, unlock, vaultWithApiCredentials } from './extension';

const TOKEN = 'tmk_live_7Hq2';

test('create vault, capture the API tab, fill Account Settings, Save submits the crossed fields', async ({ context }) => {
  const maintenance = await context.newPage();
  await maintenance.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, maintenance);
  await createVault(popup);
  const captured = await act(popup, 'Capture from page');
  expect(captured).toContain('Captured API credentials for tenant');
  // Listed by title, never with its secret.
  await expect(popup.getByText('API credentials', { exact: false }).first()).toBeVisible();
  expect(await popup.content()).not.toContain(TOKEN);

  const edge = await context.newPage();
  await edge.goto(`${FIXTURES}/edge/account-native.html`);
  const edgePopup = await openPopup(context, edge);
  const filled = await act(edgePopup, 'Fill page');
  expect(filled).toMatch(/Filled 7 of 7 fields/);

  await edge.bringToFront();
  await edge.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => submitted('account-native')).not.toBeNull();
  const form = (await submitted('account-native'))!;
  const expected = (await (await fetch(`${FIXTURES}/maintenance/expected.json`)).json())['api-native.html'].expected;
  expect(form.integration).toBe('Titan Maintenance');
  expect(form.enableMaintenanceIntegration).toBe(true);
  expect(form.allowMaintenanceToUpdateAssociatedActivities).toBe(true);
  expect(form.maintenanceId).toBe(expected.tenant);
  expect(form.maintenanceUser).toBe('Unspecified');
  expect(form.clientSecret).toBe(expected.apiSecretKey);
  expect(form.maintenancePassword).toBe(expected.apiToken);
});

test('nothing captured is stored in clear in IndexedDB or storage.local', async ({ context }) => {
  const { popup, expected } = await vaultWithApiCredentials(context);

  const dump = await popup.evaluate(async () => {
    const out: string[] = [];
    const bytes = (v: unknown) => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const u8 = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        return new TextDecoder('utf-8', { fatal: false }).decode(u8) + btoa(String.fromCharCode(...u8));
      }
      return JSON.stringify(v);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
        });
        for (const row of rows) {
          out.push(JSON.stringify(row, (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? bytes(v) : v)));
        }
      }
      db.close();
    }
    out.push(JSON.stringify(await chrome.storage.local.get(null)));
    return out.join('\n');
  });
  expect(dump.length).toBeGreaterThan(100);
  for (const secret of [expected.apiToken, expected.apiSecretKey]) {
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(Buffer.from(secret).toString('base64'));
    expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
  }
});

test('after a browser restart the vault starts locked, unlocks, and the data is intact', async ({ context, userDataDir }) => {
  const maintenance = await context.newPage();
  await maintenance.goto(`${FIXTURES}/maintenance/api-native.html`);
  let popup = await openPopup(context, maintenance);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toContain('Captured');
  await context.close();

  const again = await launch(userDataDir);
  try {
    const page = await again.newPage();
    await page.goto(`${FIXTURES}/maintenance/api-native.html`);
    popup = await openPopup(again, page);
    await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await unlock(popup, 'not the passphrase');
    await expect(popup.getByRole('status')).toHaveText(/Wrong passphrase/);
    await unlock(popup);
    await expect(popup.getByRole('button', { name: 'Capture from page' })).toBeVisible();
    await expect(popup.getByText(/API credentials/).first()).toBeVisible();
  } finally {
    await again.close();
  }
});
