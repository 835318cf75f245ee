import { act, createVault, expect, FIXTURES, openPopup, submitted, test, UNREGISTERED } from './extension';

test('capture the Sites list, then map a facility whose name differs only by punctuation', async ({ context }) => {
  const api = await context.newPage();
  await api.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, api);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toContain('Captured API credentials');

  const sites = await context.newPage();
  await sites.goto(`${FIXTURES}/maintenance/sites-native.html`);
  const sitesPopup = await openPopup(context, sites);
  const captured = await act(sitesPopup, 'Capture from page');
  expect(captured).toMatch(/Captured \d+ sites for tenant .*: \d+ new, 0 updated, 0 unchanged/);
  expect(captured).toMatch(/appear.* on several different sites/);
  // Capturing the same page again changes nothing.
  expect(await act(sitesPopup, 'Capture from page')).toMatch(/0 new, 0 updated, \d+ unchanged/);

  for (const style of ['facility-native', 'facility-react', 'facility-wc', 'facility-mui', 'facility-element', 'facility-antd', 'facility-vuetify']) {
    const facility = await context.newPage();
    await facility.goto(`${FIXTURES}/edge/${style}.html`);
    const facilityPopup = await openPopup(context, facility);
    expect(await act(facilityPopup, 'Fill page')).toMatch(/Mapped facility Maple Street #12 to site Maple Street 12/);
    await facility.bringToFront();
    await facility.getByRole('button', { name: 'Update', exact: true }).click();
    await expect.poll(() => submitted(style)).not.toBeNull();
    expect(await submitted(style)).toMatchObject({ titanMaintenanceFacility: 'MS-0012', decoyVendor: 'FV-20931' });
    await facilityPopup.close();
    await facility.close();
  }
  // The popup lists the site as mapped, to which facility and when.
  await sitesPopup.reload();
  await sitesPopup.getByLabel('Search sites').fill('MS-0012');
  await expect(sitesPopup.getByText(/Maple Street 12 — MS-0012, Springfield · mapped to Maple Street #12 on \d{4}-\d{2}-\d{2}/)).toBeVisible();
});

test('a facility matching several sites is offered as a choice, never guessed', async ({ context }) => {
  const sites = await context.newPage();
  await sites.goto(`${FIXTURES}/maintenance/sites-native.html`);
  const popup = await openPopup(context, sites);
  await createVault(popup);
  await popup.getByLabel(/Tenant \(optional/).fill('acme-fuels');
  expect(await act(popup, 'Capture from page')).toMatch(/Captured \d+ sites/);
  const facility = await context.newPage();
  await facility.goto(`${FIXTURES}/edge/facility-native.html?name=${encodeURIComponent('Nowhere In Particular')}&address=${encodeURIComponent('1 Unknown Rd')}`);
  const facilityPopup = await openPopup(context, facility);
  expect(await act(facilityPopup, 'Fill page')).toMatch(/choose one/);
  await facilityPopup.getByRole('button', { name: /Maple Street 12 — MS-0012/ }).click();
  await expect(facilityPopup.getByRole('status')).toHaveText(/Mapped facility/);
  await facility.bringToFront();
  await facility.getByRole('button', { name: 'Update', exact: true }).click();
  await expect.poll(() => submitted('facility-native')).not.toBeNull();
  expect(await submitted('facility-native')).toMatchObject({ titanMaintenanceFacility: 'MS-0012' });
});

for (const page of ['api-text', 'api-table', 'api-react', 'api-wc']) {
  test(`capture the API tab on ${page}`, async ({ context }) => {
    const expected = (await (await fetch(`${FIXTURES}/maintenance/expected.json`)).json())[`${page}.html`].expected;
    const tab = await context.newPage();
    await tab.goto(`${FIXTURES}/maintenance/${page}.html`);
    await tab.getByText('API Secret Key').first().waitFor();
    const popup = await openPopup(context, tab);
    await createVault(popup);
    expect(await act(popup, 'Capture from page')).toContain(`Captured API credentials for tenant ${expected.tenant}`);
    await popup.getByRole('button', { name: 'Reveal API Token' }).click();
    await expect(popup.getByText(expected.apiToken)).toBeVisible();
  });
}

test('masked values are refused with a reveal-first message', async ({ context }) => {
  const tab = await context.newPage();
  await tab.goto(`${FIXTURES}/maintenance/api-masked.html`);
  const popup = await openPopup(context, tab);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toMatch(/masked on the page: reveal it/);
});

for (const page of ['sites-grid', 'sites-wc', 'sites-cards', 'sites-virtual']) {
  test(`capture the Sites list on ${page}: every site, with the tenant`, async ({ context }) => {
    const entry = (await (await fetch(`${FIXTURES}/maintenance/expected.json`)).json())[`${page}.html`];
    const want = entry.expected.sites as { identifier: string }[];
    const tab = await context.newPage();
    await tab.goto(`${FIXTURES}/maintenance/${page}.html`);
    await tab.waitForTimeout((entry.readyAfterMs ?? 0) + 200);
    const popup = await openPopup(context, tab);
    await createVault(popup);
    await popup.getByLabel(/Tenant \(optional/).fill('acme-fuels');
    const result = await act(popup, 'Capture from page');
    expect(result).toContain(`Captured ${want.length.toLocaleString('en-US')} site`);
    await expect(popup.getByText(`of ${want.length.toLocaleString('en-US')} sites`)).toBeVisible();
    await popup.getByLabel('Search sites').fill(want[want.length - 1]!.identifier);
    await expect(popup.getByText(/^1 of /)).toBeVisible();
  });
}

test('a paged MUI X DataGrid: each capture reads the whole page shown (scrolling its virtual rows) and merges', async ({ context }) => {
  const site = (i: number) => `D-${String(i).padStart(5, '0')}`;
  const tab = await context.newPage();
  await tab.goto(`${FIXTURES}/maintenance/sites-datagrid.html`);
  await tab.getByRole('columnheader', { name: 'Site Identifier' }).waitFor();
  const popup = await openPopup(context, tab);
  await createVault(popup);
  const first = await act(popup, 'Capture from page');
  expect(first).toContain('Captured 100 sites for tenant acme-fuels: 100 new, 0 updated, 0 unchanged.');
  expect(first).toMatch(/This list is paged \(1–100 of 250\)/);
  expect(first).not.toMatch(/could be read/);
  // The grid's scroll position is restored.
  expect(await tab.locator('.MuiDataGrid-virtualScroller').evaluate((el) => el.scrollTop)).toBe(0);

  await tab.bringToFront();
  await tab.getByRole('button', { name: 'Go to next page' }).click();
  await expect(tab.getByText('101–200 of 250')).toBeVisible();
  await popup.reload();
  expect(await act(popup, 'Capture from page')).toContain('Captured 100 sites for tenant acme-fuels: 100 new, 0 updated, 0 unchanged.');
  await tab.bringToFront();
  await tab.getByRole('button', { name: 'Go to next page' }).click();
  await expect(tab.getByText('201–250 of 250')).toBeVisible();
  await popup.reload();
  expect(await act(popup, 'Capture from page')).toContain('Captured 50 sites for tenant acme-fuels: 50 new, 0 updated, 0 unchanged.');

  await expect(popup.getByText('of 250 sites')).toBeVisible();
  for (const i of [1, 100, 101, 250]) {
    await popup.getByLabel('Search sites').fill(site(i));
    await expect(popup.getByText(/^1 of 250 sites/)).toBeVisible();
  }
});

test('a paged Ant Design table without a range line: the enabled Next Page button says there is more', async ({ context }) => {
  const tab = await context.newPage();
  await tab.goto(`${FIXTURES}/maintenance/sites-antd.html`);
  await tab.getByRole('columnheader', { name: 'Site Identifier' }).waitFor();
  const popup = await openPopup(context, tab);
  await createVault(popup);
  const first = await act(popup, 'Capture from page');
  expect(first).toContain('Captured 20 sites for tenant acme-fuels: 20 new, 0 updated, 0 unchanged.');
  expect(first).toMatch(/This list is paged/);
  await tab.bringToFront();
  await tab.getByRole('listitem', { name: '3' }).click();
  await expect(tab.getByText('A-0060')).toBeVisible();
  await popup.reload();
  expect(await act(popup, 'Capture from page')).toContain('Captured 20 sites for tenant acme-fuels: 20 new, 0 updated, 0 unchanged.');
  await popup.getByLabel('Search sites').fill('A-0060');
  await expect(popup.getByText(/^1 of 40 sites/)).toBeVisible();
});

test('capture a 10,000-row Sites list', async ({ context }) => {
  const tab = await context.newPage();
  await tab.goto(`${FIXTURES}/generated/sites-table.html?rows=10000`);
  const popup = await openPopup(context, tab);
  await createVault(popup);
  await popup.getByLabel(/Tenant \(optional/).fill('bench-tenant');
  expect(await act(popup, 'Capture from page')).toContain('Captured 10,000 sites for tenant bench-tenant: 10,000 new');
  // The list is windowed: a few dozen rows in the DOM, and the last site is reached by scrolling.
  const list = popup.getByRole('region', { name: /Sites of bench-tenant: list/ });
  expect(await list.locator('li').count()).toBeLessThan(40);
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.getByText(/Station 10000 — SITE-010000/)).toBeVisible();
  expect(await list.locator('li').last().getAttribute('aria-posinset')).toBe('10000');
  await popup.getByLabel('Search sites').fill('SITE-009999');
  await expect(popup.getByText(/^1 of 10,000 sites/)).toBeVisible();
});

test('capture on a Maintenance origin that is not registered yet offers to register exactly that origin', async ({ context }) => {
  const tab = await context.newPage();
  await tab.goto(`${UNREGISTERED}/maintenance/api-native.html`);
  const popup = await openPopup(context, tab);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toMatch(/Captured API credentials .* http:\/\/localhost:4173 is not registered as Titan Maintenance/);
  await popup.getByRole('button', { name: 'Register http://localhost:4173 as Titan Maintenance' }).click();
  await expect(popup.getByRole('status')).toHaveText('Registered http://localhost:4173 as Titan Maintenance.');
  await popup.reload();
  const again = await act(popup, 'Capture from page');
  expect(again).toContain('Captured API credentials');
  expect(again).not.toMatch(/not registered/);
  await expect(popup.getByRole('button', { name: /^Register / })).toHaveCount(0);
});
