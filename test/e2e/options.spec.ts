import fs from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { act, createVault, expect, extensionId, FIXTURES, openPopup, PASSPHRASE, submitted, test, UNREGISTERED, unlock, vaultWithApiCredentials } from './extension';

async function openOptions(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await page.getByRole('heading', { name: 'Registered origins' }).waitFor();
  return page;
}

test('registering an Edge origin in Options lets Keyferry fill it; removing it refuses again', async ({ context }) => {
  await vaultWithApiCredentials(context);
  const options = await openOptions(context);
  await options.getByLabel('Add Titan Cloud Edge origin').fill(UNREGISTERED);
  await options.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(options.getByRole('status')).toHaveText(/Registered http:\/\/localhost:4173 as Titan Cloud Edge/);

  const edge = await context.newPage();
  await edge.goto(`${UNREGISTERED}/edge/account-native.html`);
  const popup = await openPopup(context, edge);
  expect(await act(popup, 'Fill page')).toMatch(/Filled 7 of 7 fields/);

  await options.bringToFront();
  await options.getByRole('button', { name: `Remove ${UNREGISTERED}` }).click();
  await expect(options.getByRole('status')).toHaveText(/no longer registered/);
  await edge.reload();
  const again = await openPopup(context, edge);
  expect(await act(again, 'Fill page')).toMatch(/not a registered Titan Cloud Edge origin/);
});

test('Save after fill clicks Save for the admin', async ({ context }) => {
  await vaultWithApiCredentials(context);
  const options = await openOptions(context);
  await options.getByLabel('Save after fill').check();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');
  const edge = await context.newPage();
  await edge.goto(`${FIXTURES}/edge/account-native.html`);
  const popup = await openPopup(context, edge);
  expect(await act(popup, 'Fill page')).toMatch(/Save: saved/);
  await expect.poll(() => submitted('account-native')).toMatchObject({ maintenanceUser: 'Unspecified' });
});

test('export, delete the vault, import: the data is back; a changed passphrase refuses the old one', async ({ context }) => {
  const { popup } = await vaultWithApiCredentials(context);
  const options = await openOptions(context);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export vault' }).click()]);
  const file = await download.path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.format).toBe('keyferry-vault');
  const expected = (await (await fetch(`${FIXTURES}/maintenance/expected.json`)).json())['api-native.html'].expected;
  expect(JSON.stringify(exported)).not.toContain(expected.apiToken);

  await options.getByLabel('Type Keyferry to confirm').fill('Keyferry');
  await options.getByRole('button', { name: 'Delete vault' }).click();
  await expect(options.getByRole('status')).toHaveText(/The vault was deleted/);

  await popup.reload();
  await createVault(popup, 'a brand new passphrase');
  await expect(popup.getByText(/API credentials/)).toHaveCount(0);
  await options.reload();
  await options.getByLabel('Export file').setInputFiles(file);
  await options.getByLabel('Passphrase of the export').fill('wrong passphrase!');
  await options.getByRole('button', { name: 'Import vault' }).click();
  await expect(options.getByRole('status')).toHaveText(/Wrong passphrase for this export file/);
  await options.getByLabel('Passphrase of the export').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Import vault' }).click();
  await expect(options.getByRole('status')).toHaveText(/Imported: \d+ new/);
  await popup.reload();
  await expect(popup.getByText(/API credentials/).first()).toBeVisible();

  await options.getByLabel('Current passphrase').fill('a brand new passphrase');
  await options.getByLabel('New passphrase', { exact: true }).fill('the third passphrase');
  await options.getByLabel('Confirm new passphrase').fill('the third passphrase');
  await options.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(options.getByRole('status')).toHaveText('Passphrase changed.');
  await popup.getByRole('button', { name: 'Lock' }).click();
  await unlock(popup, 'a brand new passphrase');
  await expect(popup.getByRole('status')).toHaveText(/Wrong passphrase/);
  await unlock(popup, 'the third passphrase');
  await expect(popup.getByRole('button', { name: 'Capture from page' })).toBeVisible();
});
