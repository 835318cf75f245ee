// fillPage: the fill script's entry point. It waits (bounded) for the form, fills only inside the
// recognised section, and says plainly when the page is not the one the plan is for.

import { afterEach, describe, expect, it } from 'vitest';
import type { AccountPlan, FacilityPlan } from '@/lib/messages';
import { fillPage } from '@/lib/pages/fill';
import type { PageScope } from '@/lib/pages/scope';
import { expectedFor, loadFixture } from '../fixtures';
import { loadLiveFixture, type LivePage } from './live-fixture';

const source = expectedFor('maintenance')['api-text.html']!.expected as { tenant: string; apiToken: string; apiSecretKey: string };
const ACCOUNT: AccountPlan = {
  kind: 'edge-account',
  maintenanceId: source.tenant,
  maintenanceUser: 'Unspecified',
  clientSecret: source.apiSecretKey,
  maintenancePassword: source.apiToken,
  save: false,
};
const FACILITY: FacilityPlan = { kind: 'edge-facility', siteIdentifier: 'MS-0012', save: false };

const scopeOf = (document: Document): PageScope => ({ document, hostname: document.location?.hostname ?? '127.0.0.1' });
const val = (doc: Document, id: string) => (doc.getElementById(id) as HTMLInputElement).value;

const live: LivePage[] = [];
afterEach(async () => {
  while (live.length) await live.pop()!.close();
});

describe('fillPage with an Account Settings plan', () => {
  it('fills account-native.html field by field and reports every field', async () => {
    const doc = loadFixture('edge/account-native.html');
    const outcome = await fillPage(scopeOf(doc), ACCOUNT, 100);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.fields).toHaveLength(7);
    expect(outcome.fields.every((f) => f.status === 'filled')).toBe(true);
    expect(val(doc, 'mi-id')).toBe(source.tenant);
    expect(val(doc, 'mi-user')).toBe('Unspecified');
    expect(val(doc, 'mi-secret')).toBe(source.apiSecretKey);
    expect(val(doc, 'mi-password')).toBe(source.apiToken);
    expect(val(doc, 'sso-client-secret')).toBe('');
    expect(val(doc, 'fuel-password')).toBe('');
  });

  it('waits for a section that renders late', async () => {
    document.body.innerHTML = '<main><h1>Account Settings</h1></main>';
    setTimeout(() => {
      document.querySelector('main')!.insertAdjacentHTML(
        'beforeend',
        `<section><h2>MaintenanceIntegration</h2>
          <div><label for="late-id">Maintenance ID</label><input id="late-id"></div>
          <div><label for="late-secret">Client Secret</label><input id="late-secret"></div></section>`,
      );
    }, 30);
    const outcome = await fillPage(scopeOf(document), ACCOUNT, 2000);
    expect(outcome.ok).toBe(true);
    expect(val(document, 'late-id')).toBe(source.tenant);
    expect(val(document, 'late-secret')).toBe(source.apiSecretKey);
    if (outcome.ok) {
      const status = Object.fromEntries(outcome.fields.map((f) => [f.field, f.status]));
      expect(status['Maintenance Password']).toBe('not-found');
      expect(status['Maintenance User']).toBe('not-found');
    }
  });

  it('refuses, with a reason naming the section, on a page without it', async () => {
    const doc = loadFixture('edge/facility-native.html');
    const outcome = await fillPage(scopeOf(doc), ACCOUNT, 50);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/MaintenanceIntegration/);
  });

  it('refuses on a page whose only MaintenanceIntegration form is hidden, and fills nothing', async () => {
    document.body.innerHTML = `<section style="display:none"><h2>MaintenanceIntegration</h2>
      <div><label for="h-secret">Client Secret</label><input id="h-secret"></div></section>`;
    const outcome = await fillPage(scopeOf(document), ACCOUNT, 50);
    expect(outcome.ok).toBe(false);
    expect(val(document, 'h-secret')).toBe('');
  });

  it('refuses on an empty page and on a document without a body', async () => {
    document.body.innerHTML = '';
    expect((await fillPage(scopeOf(document), ACCOUNT, 20)).ok).toBe(false);
    const doc = document.implementation.createHTMLDocument('no body');
    doc.documentElement.removeChild(doc.body);
    expect((await fillPage({ document: doc, hostname: 'edge.example.com' }, ACCOUNT, 20)).ok).toBe(false);
  });

  it('gives up within its time limit', async () => {
    document.body.innerHTML = '<p>Loading…</p>';
    const started = Date.now();
    const outcome = await fillPage(scopeOf(document), ACCOUNT, 100);
    expect(outcome.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('fillPage with a Facility plan', () => {
  it('fills facility-native.html through its tab and pencil', async () => {
    const page = loadLiveFixture('edge/facility-native.html');
    live.push(page);
    const outcome = await fillPage(scopeOf(page.document), FACILITY, 500);
    expect(outcome).toEqual({ ok: true, fields: [{ field: 'Titan Maintenance Facility', status: 'filled' }] });
    expect(val(page.document, 'dvm-titan')).toBe('MS-0012');
    expect(val(page.document, 'dvm-fuel')).toBe('FV-20931');
  });

  it('refuses on the Account Settings page and touches none of its fields', async () => {
    const doc = loadFixture('edge/account-native.html');
    const outcome = await fillPage(scopeOf(doc), FACILITY, 50);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/Facility Profile/);
    expect(Array.from(doc.querySelectorAll('input')).some((i) => i.value === 'MS-0012')).toBe(false);
  });
});
