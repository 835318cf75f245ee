import { act, createVault, expect, FIXTURES, openPopup, test } from './extension';

async function expected(dir: string, file: string) {
  return (await (await fetch(`${FIXTURES}/${dir}/expected.json`)).json())[file];
}

for (const file of ['api-access-cards', 'api-access-table', 'api-access-react', 'api-access-wc']) {
  test(`capture Timus API Access (${file}): every card listed by title, masked secrets reported, hygiene shown`, async ({ context }) => {
    const entry = await expected('timus', `${file}.html`);
    const records = entry.expected.records as { title: string; clientSecret?: string }[];
    const page = await context.newPage();
    await page.goto(`${FIXTURES}/timus/${file}.html`);
    await page.waitForTimeout(entry.readyAfterMs ?? 0);
    await expect(page.getByText('Client ID').first()).toBeAttached();
    const popup = await openPopup(context, page);
    await createVault(popup);
    const result = await act(popup, 'Capture from page');
    expect(result).toContain(`Captured ${records.length} Timus API Access credentials`);
    const masked = records.filter((r) => !r.clientSecret).length;
    if (masked) expect(result).toMatch(/masked: reveal it on the page/);
    for (const record of records) await expect(popup.getByText(record.title, { exact: true }).first()).toBeVisible();
    await expect(popup.getByRole('heading', { name: /Needs attention/ })).toBeVisible();
    // The secrets are not in the popup until revealed.
    const html = await popup.content();
    for (const record of records) if (record.clientSecret) expect(html).not.toContain(record.clientSecret);
    // Keyferry never pressed Reveal (or anything else) on the page.
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-fixture-clicks'))).toBeNull();
  });
}

for (const file of ['apikeys-table', 'apikeys-grid', 'apikeys-wc']) {
  test(`capture the API Keys console (${file}): keys listed by name, ADMIN and never-used flagged`, async ({ context }) => {
    const entry = await expected('apikeys', `${file}.html`);
    const keys = entry.expected.keys as { title: string }[];
    const page = await context.newPage();
    await page.goto(`${FIXTURES}/apikeys/${file}.html`);
    await page.waitForTimeout(entry.readyAfterMs ?? 0);
    await expect(page.getByText('tcross_ro').first()).toBeAttached();
    const popup = await openPopup(context, page);
    await createVault(popup);
    const result = await act(popup, 'Capture from page');
    expect(result).toContain(`Captured ${keys.length} API keys`);
    if (entry.expected.sharedSecret) expect(result).toContain('API Shared Secret');
    for (const key of keys) await expect(popup.getByText(key.title, { exact: true }).first()).toBeVisible();
    await expect(popup.getByText(/Never used: delete it/).first()).toBeVisible();
    await expect(popup.getByText(/ADMIN key: full administrative privileges/).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-fixture-clicks'))).toBeNull();
  });
}

test('the Options page shows the same credential review', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${FIXTURES}/apikeys/apikeys-table.html`);
  const popup = await openPopup(context, page);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toContain('Captured 8 API keys');
  const options = await context.newPage();
  await options.goto(popup.url().replace(/popup\.html.*$/, 'options.html'));
  await expect(options.getByRole('heading', { name: 'Credential review' })).toBeVisible();
  await expect(options.getByRole('cell', { name: /Never used: delete it/ })).toBeVisible();
});
