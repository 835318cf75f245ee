import { act, apiTabExpected, createVault, expect, FIXTURES, openPopup, submitted, test, UNREGISTERED, vaultWithApiCredentials } from './extension';

const UNTOUCHED_DECOY = {
  'SSO Integration / Enable Integration': true,
  'SSO Integration / Client ID': 'sso-client-7781',
  'SSO Integration / Client Secret': '',
  'SSO Integration / Password': '',
  'Fuel Vendor Integration / Vendor': 'None',
  'Fuel Vendor Integration / Enable Integration': false,
  'Fuel Vendor Integration / Client ID': '',
  'Fuel Vendor Integration / Client Secret': '',
  'Fuel Vendor Integration / Password': '',
};

// account-mui, account-antd (React) and account-element, account-vuetify (Vue) are built with the real libraries.
for (const style of ['account-native', 'account-react', 'account-wc', 'account-portal', 'account-decoy-hidden', 'account-mui', 'account-element', 'account-antd', 'account-vuetify']) {
  test(`Fill page on ${style}: the page's own state holds every value, decoys untouched`, async ({ context }) => {
    await vaultWithApiCredentials(context);
    const want = await apiTabExpected();
    const edge = await context.newPage();
    await edge.goto(`${FIXTURES}/edge/${style}.html`);
    const popup = await openPopup(context, edge);
    const result = await act(popup, 'Fill page');
    expect(result).toMatch(/Filled 7 of 7 fields/);

    await edge.bringToFront();
    await edge.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect.poll(() => submitted(style)).not.toBeNull();
    const form = (await submitted(style))!;
    expect(form).toMatchObject({
      integration: 'Titan Maintenance',
      enableMaintenanceIntegration: true,
      allowMaintenanceToUpdateAssociatedActivities: true,
      maintenanceId: want.tenant,
      maintenanceUser: 'Unspecified',
      clientSecret: want.apiSecretKey,
      maintenancePassword: want.apiToken,
    });
    expect(form.decoy).toEqual(UNTOUCHED_DECOY);
    if (form.hidden) {
      // No hidden copy of the form may receive a secret (SPEC §3).
      expect(JSON.stringify(form.hidden)).not.toContain(want.apiToken);
      expect(JSON.stringify(form.hidden)).not.toContain(want.apiSecretKey);
    }
  });
}

test('an origin the extension can reach but the admin never registered gets nothing', async ({ context }) => {
  await vaultWithApiCredentials(context);
  const want = await apiTabExpected();
  const edge = await context.newPage();
  await edge.goto(`${UNREGISTERED}/edge/account-native.html`);
  const popup = await openPopup(context, edge);
  expect(await act(popup, 'Fill page')).toMatch(/not a registered Titan Cloud Edge origin/);
  const values = await edge.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values).not.toContain(want.apiToken);
  expect(values).not.toContain(want.apiSecretKey);
});

test('Transfer to Edge captures here and fills the open Edge tab in one click', async ({ context }) => {
  const want = await apiTabExpected();
  const edge = await context.newPage();
  await edge.goto(`${FIXTURES}/edge/account-react.html`);
  const maintenance = await context.newPage();
  await maintenance.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, maintenance);
  await createVault(popup);
  const result = await act(popup, 'Transfer to Edge');
  expect(result).toContain('Captured API credentials');
  expect(result).toMatch(/Filled 7 of 7 fields/);
  await edge.bringToFront();
  await edge.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect.poll(() => submitted('account-react')).not.toBeNull();
  expect(await submitted('account-react')).toMatchObject({
    clientSecret: want.apiSecretKey,
    maintenancePassword: want.apiToken,
    maintenanceId: want.tenant,
  });
});

test('Transfer to Edge with several Edge tabs open asks which one, and fills only that one', async ({ context }) => {
  const want = await apiTabExpected();
  const native = await context.newPage();
  await native.goto(`${FIXTURES}/edge/account-native.html`);
  const wc = await context.newPage();
  await wc.goto(`${FIXTURES}/edge/account-wc.html`);
  const maintenance = await context.newPage();
  await maintenance.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, maintenance);
  await createVault(popup);
  expect(await act(popup, 'Transfer to Edge')).toContain('Several Edge tabs are open: choose one.');
  const picker = popup.getByRole('group', { name: 'Transfer to which Edge tab?' });
  await expect(picker.getByRole('button')).toHaveCount(2);
  await picker.getByRole('button', { name: /account-wc\.html/ }).focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toHaveText(/Filled 7 of 7 fields/);

  await wc.bringToFront();
  await wc.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect.poll(() => submitted('account-wc')).not.toBeNull();
  expect(await submitted('account-wc')).toMatchObject({ clientSecret: want.apiSecretKey, maintenancePassword: want.apiToken, maintenanceId: want.tenant });
  // The other Edge tab received nothing.
  const values = await native.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values).not.toContain(want.apiToken);
  expect(values).not.toContain(want.apiSecretKey);
});

test('Transfer to Edge with no Edge tab open says so and stores nothing', async ({ context }) => {
  const maintenance = await context.newPage();
  await maintenance.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, maintenance);
  await createVault(popup);
  expect(await act(popup, 'Transfer to Edge')).toBe('No Titan Cloud Edge tab is open: open Account Settings in Edge, then transfer.');
  await expect(popup.getByText('No tenant yet: open the Titan Maintenance API tab and capture.')).toBeVisible();
});
