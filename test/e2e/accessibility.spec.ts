import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { act, createVault, expect, extensionId, FIXTURES, openPopup, test } from './extension';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the popup has no axe violations in its first-run, unlocked and locked states, light and dark', async ({ context }) => {
  const tab = await context.newPage();
  await tab.goto(`${FIXTURES}/timus/api-access-cards.html`);
  const popup = await openPopup(context, tab);
  await popup.getByRole('button', { name: 'Create vault' }).waitFor();
  expect(await violations(popup)).toEqual([]);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toContain('Captured');
  expect(await violations(popup)).toEqual([]);
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(popup)).toEqual([]);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.getByRole('button', { name: 'Lock' }).click();
  await popup.getByRole('button', { name: 'Unlock' }).waitFor();
  expect(await violations(popup)).toEqual([]);
});

test('the options page has no axe violations, and works by keyboard', async ({ context }) => {
  const tab = await context.newPage();
  await tab.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, tab);
  await createVault(popup);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await options.getByRole('heading', { name: 'Audit log' }).waitFor();
  expect(await violations(options)).toEqual([]);
  await options.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(options)).toEqual([]);
  // Keyboard: focus the Save-after-fill checkbox and toggle it with Space.
  await options.getByLabel('Save after fill').focus();
  await options.keyboard.press('Space');
  await expect(options.getByRole('status')).toHaveText('Settings saved.');
  await expect(options.getByLabel('Save after fill')).toBeChecked();
});
