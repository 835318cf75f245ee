// Edge > Account Settings > MaintenanceIntegration (SPEC §1): the section is found among look-alike
// decoy sections, and each value lands in its own field under Edge's crossed names.
//
// Values come from the Maintenance fixture's expected.json (api-native.html) and are all different,
// so any two values swapped between fields fails the per-field assertions.

import { afterEach, describe, expect, it } from 'vitest';
import type { AccountPlan, FieldReport } from '@/lib/messages';
import { deepElements } from '@/lib/dom/tree';
import { fillAccountSection, findAccountSection } from '@/lib/pages/edge-account';
import { expectedFor, loadFixture } from '../fixtures';
import { loadLiveFixture, settle, type LivePage } from './live-fixture';

const source = expectedFor('maintenance')['api-native.html']!.expected as { tenant: string; apiToken: string; apiSecretKey: string };

/** What Keyferry sends for a captured api-native.html: SPEC §1's crossed table. */
const PLAN: AccountPlan = {
  kind: 'edge-account',
  maintenanceId: source.tenant,
  maintenanceUser: 'Unspecified',
  clientSecret: source.apiSecretKey,
  maintenancePassword: source.apiToken,
  save: false,
};

/** edge/README.md: the decoy sections' values, which a correct fill leaves as they are. */
const DECOY_CONTRACT: Record<string, string | boolean> = {
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

const ALL_FIELDS = [
  'Maintenance system dropdown',
  'Enable Maintenance Integration',
  'Allow Maintenance to Update Associated Activities',
  'Maintenance ID',
  'Maintenance User',
  'Client Secret',
  'Maintenance Password',
];

const value = (doc: Document, id: string) => (doc.getElementById(id) as HTMLInputElement).value;
const checked = (doc: Document, id: string) => (doc.getElementById(id) as HTMLInputElement).checked;
const statusOf = (reports: FieldReport[]) => Object.fromEntries(reports.map((r) => [r.field, r.status]));

function decoyState(doc: Document): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const el of Array.from(doc.querySelectorAll<HTMLInputElement>('[data-decoy]'))) {
    // .value, not the selected option's text: happy-dom leaves selectedIndex at -1 for a parsed
    // <option selected> until something sets it, while .value is right.
    out[el.dataset.decoy!] = el.type === 'checkbox' ? el.checked : el.value;
  }
  return out;
}

/** Every value of the plan must be exactly where it belongs, and nowhere else on the page. */
function expectCrossedFill(doc: Document): void {
  expect(value(doc, 'mi-id')).toBe(source.tenant);
  expect(value(doc, 'mi-user')).toBe('Unspecified');
  expect(value(doc, 'mi-secret')).toBe(source.apiSecretKey);
  expect(value(doc, 'mi-password')).toBe(source.apiToken);
  const select = doc.getElementById('mi-system') as HTMLSelectElement;
  expect(select.selectedOptions[0]?.textContent).toBe('Titan Maintenance');
  expect(checked(doc, 'mi-enable')).toBe(true);
  expect(checked(doc, 'mi-allow')).toBe(true);
  const holders = (secret: string) =>
    Array.from(doc.querySelectorAll<HTMLInputElement>('input')).filter((i) => i.value === secret).map((i) => i.id);
  expect(holders(source.apiSecretKey)).toEqual(['mi-secret']);
  expect(holders(source.apiToken)).toEqual(['mi-password']);
}

const live: LivePage[] = [];
afterEach(async () => {
  while (live.length) await live.pop()!.close();
});
function openLive(relative: string): LivePage {
  const page = loadLiveFixture(relative);
  live.push(page);
  return page;
}

describe('findAccountSection', () => {
  it('picks MaintenanceIntegration on account-native.html, not the SSO or Fuel Vendor decoys', () => {
    const doc = loadFixture('edge/account-native.html');
    const section = findAccountSection(deepElements(doc.body));
    expect(section?.heading.id).toBe('mi-h');
    const ids = section!.elements.map((el) => el.id).filter(Boolean);
    expect(ids).toEqual(expect.arrayContaining(['mi-system', 'mi-enable', 'mi-allow', 'mi-id', 'mi-user', 'mi-secret', 'mi-password']));
    expect(ids.filter((id) => /^(sso|fuel|general)-/.test(id) || id === 'save')).toEqual([]);
  });

  it('accepts the heading written with a space ("Maintenance Integration")', () => {
    document.body.innerHTML = `
      <section><h2>SSO Integration</h2><label>Client Secret <input></label></section>
      <section><h2 id="target">Maintenance Integration</h2><label>Client Secret <input></label></section>`;
    expect(findAccountSection(deepElements(document.body))?.heading.id).toBe('target');
  });

  it('finds nothing on pages without the section', () => {
    expect(findAccountSection(deepElements(loadFixture('edge/facility-native.html').body))).toBeNull();
    expect(findAccountSection(deepElements(loadFixture('maintenance/api-native.html').body))).toBeNull();
    document.body.innerHTML = '';
    expect(findAccountSection(deepElements(document.body))).toBeNull();
    expect(findAccountSection([])).toBeNull();
  });

  it('does not take prose that merely mentions the words for a heading', () => {
    document.body.innerHTML = `<p>Open the MaintenanceIntegration section of Account Settings to connect Titan Maintenance.</p>
      <label>Client Secret <input></label>`;
    expect(findAccountSection(deepElements(document.body))).toBeNull();
  });

  it('ignores a section that is hidden (display:none, hidden)', () => {
    document.body.innerHTML = `
      <section style="display:none"><h2>MaintenanceIntegration</h2><label>Client Secret <input></label></section>
      <section hidden><h2>MaintenanceIntegration</h2><label>Client Secret <input></label></section>`;
    expect(findAccountSection(deepElements(document.body))).toBeNull();
  });

  it('on account-decoy-hidden.html prefers the visible form over the display:none, visibility:hidden and opacity:0 copies', () => {
    // The page's script builds six hidden copies; the three that only layout can unmask
    // (off-screen, clipped, 1×1 px) are removed, since happy-dom computes no boxes.
    const page = openLive('edge/account-decoy-hidden.html');
    for (const name of ['offscreen', 'clipped', 'tiny']) page.document.querySelector(`[data-copy="${name}"]`)!.remove();
    expect(page.document.querySelectorAll('[data-copy]')).toHaveLength(4);
    const section = findAccountSection(deepElements(page.document.body));
    expect(section?.heading.id).toBe('mi-h');
  });
});

describe('fillAccountSection on account-native.html', () => {
  it('puts each value in its crossed field, selects Titan Maintenance and turns both toggles on', async () => {
    const doc = loadFixture('edge/account-native.html');
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expectCrossedFill(doc);
    expect(reports.map((r) => r.field).sort()).toEqual([...ALL_FIELDS].sort());
    expect(reports.every((r) => r.status === 'filled')).toBe(true);
  });

  it('leaves the SSO and Fuel Vendor decoy sections as they were', async () => {
    const doc = loadFixture('edge/account-native.html');
    await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(decoyState(doc)).toEqual(DECOY_CONTRACT);
  });

  it('never clicks Save unless the plan asks for it', async () => {
    const page = openLive('edge/account-native.html');
    const reports = await fillAccountSection(findAccountSection(deepElements(page.document.body))!, PLAN);
    await settle();
    expect(page.submissions).toEqual([]);
    expect(reports.some((r) => r.field === 'Save')).toBe(false);
  });

  it('with save on, the page submits exactly the README contract', async () => {
    const page = openLive('edge/account-native.html');
    const reports = await fillAccountSection(findAccountSection(deepElements(page.document.body))!, { ...PLAN, save: true });
    await settle();
    expect(statusOf(reports).Save).toBe('saved');
    expect(page.submissions).toHaveLength(1);
    const { decoy, ...state } = page.submissions[0]!.body as { decoy: Record<string, unknown> };
    expect(state).toEqual({
      integration: 'Titan Maintenance',
      enableMaintenanceIntegration: true,
      allowMaintenanceToUpdateAssociatedActivities: true,
      maintenanceId: source.tenant,
      maintenanceUser: 'Unspecified',
      clientSecret: source.apiSecretKey,
      maintenancePassword: source.apiToken,
    });
    // The page reads the Vendor select by selectedIndex, which happy-dom leaves at -1 (see decoyState).
    const { 'Fuel Vendor Integration / Vendor': vendor, ...rest } = DECOY_CONTRACT;
    expect(decoy).toMatchObject(rest);
    expect(value(page.document, 'fuel-vendor')).toBe(vendor);
  });

  it('a second fill finds everything already correct and changes nothing', async () => {
    const doc = loadFixture('edge/account-native.html');
    const section = findAccountSection(deepElements(doc.body))!;
    await fillAccountSection(section, PLAN);
    const again = await fillAccountSection(section, PLAN);
    expect(again.map((r) => r.status)).toEqual(ALL_FIELDS.map(() => 'already-correct'));
    expectCrossedFill(doc);
  });

  it('leaves Maintenance User blank when the admin chose blank', async () => {
    const doc = loadFixture('edge/account-native.html');
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, { ...PLAN, maintenanceUser: '' });
    expect(value(doc, 'mi-user')).toBe('');
    expect(statusOf(reports)['Maintenance User']).toBe('already-correct');
    expect(value(doc, 'mi-secret')).toBe(source.apiSecretKey);
  });

  it('does not switch a toggle off that is already on', async () => {
    const doc = loadFixture('edge/account-native.html');
    (doc.getElementById('mi-enable') as HTMLInputElement).checked = true;
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(checked(doc, 'mi-enable')).toBe(true);
    expect(statusOf(reports)['Enable Maintenance Integration']).toBe('already-correct');
    expect(statusOf(reports)['Allow Maintenance to Update Associated Activities']).toBe('filled');
  });
});

describe('fillAccountSection goes by label, not by position', () => {
  it('fills correctly when the fields come in another order', async () => {
    document.body.innerHTML = `
      <section><h2>MaintenanceIntegration</h2>
        <div><label for="p">Maintenance Password</label><input type="password" id="p"></div>
        <div><label for="s">Client Secret</label><input id="s"></div>
        <div><label for="u">Maintenance User</label><input id="u"></div>
        <div><label for="i">Maintenance ID</label><input id="i"></div>
        <label><input type="checkbox" id="allow"> Allow Maintenance to Update Associated Activities</label>
        <label><input type="checkbox" id="enable"> Enable Maintenance Integration</label>
        <label for="sys">Maintenance System</label>
        <select id="sys"><option>Other CMMS</option><option>Titan Maintenance</option></select>
      </section>`;
    const reports = await fillAccountSection(findAccountSection(deepElements(document.body))!, PLAN);
    expect(value(document, 'p')).toBe(source.apiToken);
    expect(value(document, 's')).toBe(source.apiSecretKey);
    expect(value(document, 'u')).toBe('Unspecified');
    expect(value(document, 'i')).toBe(source.tenant);
    expect(checked(document, 'allow') && checked(document, 'enable')).toBe(true);
    expect((document.getElementById('sys') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Titan Maintenance');
    expect(reports.every((r) => r.status === 'filled')).toBe(true);
  });
});

describe('fillAccountSection with missing or unusable fields', () => {
  it('reports a missing Maintenance Password as not-found, fills the rest, and puts the token nowhere else', async () => {
    const doc = loadFixture('edge/account-native.html');
    doc.getElementById('mi-password')!.parentElement!.remove();
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    const status = statusOf(reports);
    expect(status['Maintenance Password']).toBe('not-found');
    for (const field of ALL_FIELDS.filter((f) => f !== 'Maintenance Password')) expect(status[field]).toBe('filled');
    expect(value(doc, 'mi-secret')).toBe(source.apiSecretKey);
    expect(value(doc, 'mi-id')).toBe(source.tenant);
    expect(Array.from(doc.querySelectorAll('input')).some((i) => i.value === source.apiToken)).toBe(false);
    expect(decoyState(doc)).toEqual(DECOY_CONTRACT);
  });

  it('reports a missing Client Secret as not-found and does not put the secret into a decoy Client Secret', async () => {
    const doc = loadFixture('edge/account-native.html');
    doc.getElementById('mi-secret')!.parentElement!.remove();
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(statusOf(reports)['Client Secret']).toBe('not-found');
    expect(value(doc, 'mi-password')).toBe(source.apiToken);
    expect(Array.from(doc.querySelectorAll('input')).some((i) => i.value === source.apiSecretKey)).toBe(false);
  });

  it('reports a missing dropdown and missing toggles as not-found, and still fills the text fields', async () => {
    const doc = loadFixture('edge/account-native.html');
    doc.getElementById('mi-system')!.parentElement!.remove();
    doc.getElementById('mi-enable')!.parentElement!.remove();
    doc.getElementById('mi-allow')!.parentElement!.remove();
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    const status = statusOf(reports);
    expect(status['Maintenance system dropdown']).toBe('not-found');
    expect(status['Enable Maintenance Integration']).toBe('not-found');
    expect(status['Allow Maintenance to Update Associated Activities']).toBe('not-found');
    expect(value(doc, 'mi-secret')).toBe(source.apiSecretKey);
    expect(value(doc, 'mi-password')).toBe(source.apiToken);
    // The decoy section's Vendor select and Enable Integration toggle were not borrowed.
    expect(decoyState(doc)).toEqual(DECOY_CONTRACT);
  });

  it('reports a dropdown without a Titan Maintenance option as not-found and leaves it alone', async () => {
    const doc = loadFixture('edge/account-native.html');
    const select = doc.getElementById('mi-system') as HTMLSelectElement;
    select.innerHTML = '<option value="0">None</option><option value="2">Other CMMS</option>';
    select.value = '0';
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(statusOf(reports)['Maintenance system dropdown']).toBe('not-found');
    expect(select.value).toBe('0');
    expect(value(doc, 'mi-id')).toBe(source.tenant);
  });

  it('reports a read-only or disabled field as rejected-by-page without changing it', async () => {
    const doc = loadFixture('edge/account-native.html');
    const id = doc.getElementById('mi-id') as HTMLInputElement;
    id.readOnly = true;
    id.value = 'locked';
    (doc.getElementById('mi-allow') as HTMLInputElement).disabled = true;
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(statusOf(reports)['Maintenance ID']).toBe('rejected-by-page');
    expect(id.value).toBe('locked');
    expect(statusOf(reports)['Allow Maintenance to Update Associated Activities']).toBe('rejected-by-page');
    expect(checked(doc, 'mi-allow')).toBe(false);
    expect(value(doc, 'mi-password')).toBe(source.apiToken);
  });

  it('reads every field back after the page re-renders: a value the page put back once is set again', async () => {
    const doc = loadFixture('edge/account-native.html');
    const secret = doc.getElementById('mi-secret') as HTMLInputElement;
    let reverts = 1;
    // A framework flushing its state a microtask after the event, from a stale copy, the first time.
    secret.addEventListener('blur', () => {
      if (reverts-- > 0) queueMicrotask(() => queueMicrotask(() => (secret.value = '')));
    });
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(secret.value).toBe(source.apiSecretKey);
    expect(statusOf(reports)['Client Secret']).toBe('filled');
  });

  it('a field the page puts back every time is reported rejected-by-page', async () => {
    const doc = loadFixture('edge/account-native.html');
    const user = doc.getElementById('mi-user') as HTMLInputElement;
    user.addEventListener('blur', () => queueMicrotask(() => (user.value = 'admin')));
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(statusOf(reports)['Maintenance User']).toBe('rejected-by-page');
    expect(statusOf(reports)['Maintenance Password']).toBe('filled');
  });

  it('does not fill a transparent (opacity:0) field inside the section', async () => {
    const doc = loadFixture('edge/account-native.html');
    (doc.getElementById('mi-password') as HTMLElement).style.opacity = '0';
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(statusOf(reports)['Maintenance Password']).toBe('not-visible');
    expect(value(doc, 'mi-password')).toBe('');
  });

  it('does not fill a display:none field (it does not count as present)', async () => {
    const doc = loadFixture('edge/account-native.html');
    doc.getElementById('mi-secret')!.parentElement!.style.display = 'none';
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(['not-found', 'not-visible']).toContain(statusOf(reports)['Client Secret']);
    expect(value(doc, 'mi-secret')).toBe('');
    expect(Array.from(doc.querySelectorAll('input')).some((i) => i.value === source.apiSecretKey)).toBe(false);
  });

  it('with save on but no Save button, reports Save not-found', async () => {
    const doc = loadFixture('edge/account-native.html');
    doc.getElementById('save')!.remove();
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, { ...PLAN, save: true });
    expect(statusOf(reports).Save).toBe('not-found');
    expectCrossedFill(doc);
  });
});

describe('fillAccountSection on account-decoy-hidden.html', () => {
  it('fills the visible form and leaves the hidden copies at their initial values', async () => {
    const page = openLive('edge/account-decoy-hidden.html');
    const doc = page.document;
    // Off-screen, clipped and 1×1 px copies need layout to unmask: not judged under happy-dom.
    for (const name of ['offscreen', 'clipped', 'tiny']) doc.querySelector(`[data-copy="${name}"]`)!.remove();
    const reports = await fillAccountSection(findAccountSection(deepElements(doc.body))!, PLAN);
    expect(reports.every((r) => r.status === 'filled')).toBe(true);
    expectCrossedFill(doc);
    for (const name of ['displayNone', 'visibilityHidden', 'transparent']) {
      const copy = doc.querySelector(`[data-copy="${name}"]`)!;
      const fields = Array.from(copy.querySelectorAll<HTMLInputElement>('[data-field]'));
      expect(fields).toHaveLength(7);
      for (const field of fields) {
        if (field.type === 'checkbox') expect(field.checked, `${name} ${field.dataset.field}`).toBe(false);
        else expect(field.value, `${name} ${field.dataset.field}`).toBe(field.tagName === 'SELECT' ? 'None' : '');
      }
    }
    expect(decoyState(doc)).toEqual(DECOY_CONTRACT);
  });
});
