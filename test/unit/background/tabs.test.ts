// Talking to a tab: inject the right script, send one message to the top frame, and accept only a
// reply of the expected shape. WXT's fakeBrowser has no scripting API and no tabs.sendMessage, so
// both are stubbed here (vi.spyOn on fakeBrowser); tabs.get is fakeBrowser's own in-memory tabs.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { AccountPlan, Detection, FacilityPlan, PageRead } from '@/lib/messages';
import { detectTab, fillTab, readTab } from '@/lib/background/tabs';

type Inject = { target: { tabId: number }; files: string[] };

let injected: Inject[];
let sent: { tabId: number; message: unknown; options: unknown }[];
let reply: (message: unknown) => unknown;
let injectFails: boolean;
const scripting = (fakeBrowser as unknown as { scripting: Record<string, unknown> }).scripting;
const originalExecuteScript = scripting.executeScript;

beforeEach(() => {
  injected = [];
  sent = [];
  injectFails = false;
  reply = () => undefined;
  scripting.executeScript = vi.fn(async (details: Inject) => {
    if (injectFails) throw new Error('Cannot access contents of the page');
    injected.push(details);
    return [];
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown, options: unknown) => {
    sent.push({ tabId, message, options });
    return reply(message);
  }) as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  scripting.executeScript = originalExecuteScript;
});

const DETECTION: Detection = { kinds: ['maintenance-api'], origin: 'https://acme.titanmaintenance.com', title: 'Account Settings' };
const API_READ: PageRead = {
  kind: 'maintenance-api',
  tenant: { name: 'acme-fuels', source: 'page' },
  apiToken: 'tmk_live_IvhnXqk7OEXxY2dGDZBMvQD',
  apiSecretKey: 'tmsk_A8D3Yxcm2FZqHcKKg3d6DAMMn2dUrkUFM2qHJmbpAip',
  problems: [],
};
const ACCOUNT: AccountPlan = { kind: 'edge-account', maintenanceId: 'acme-fuels', maintenanceUser: 'Unspecified', clientSecret: 's', maintenancePassword: 'p', save: false };
const FACILITY: FacilityPlan = { kind: 'edge-facility', siteIdentifier: 'MS-0012', save: true };

describe('detectTab', () => {
  it('injects capture.js into the tab and asks its top frame to detect', async () => {
    reply = () => ({ ok: true, value: DETECTION });
    expect(await detectTab(7)).toEqual({ ok: true, value: DETECTION });
    expect(injected).toEqual([{ target: { tabId: 7 }, files: ['/capture.js'] }]);
    expect(sent).toEqual([{ tabId: 7, message: { type: 'keyferry:detect' }, options: { frameId: 0 } }]);
  });

  it('rejects a detection naming an unknown page kind', async () => {
    reply = () => ({ ok: true, value: { ...DETECTION, kinds: ['bank-login'] } });
    const result = await detectTab(7);
    expect(result).toEqual({ ok: false, reason: 'The page sent an answer Keyferry does not understand.' });
  });
});

describe('readTab', () => {
  it('asks for any kind by default, and for one kind when given', async () => {
    reply = () => ({ ok: true, value: API_READ });
    expect(await readTab(3)).toEqual({ ok: true, value: API_READ });
    expect(await readTab(3, 'maintenance-api')).toEqual({ ok: true, value: API_READ });
    expect(sent.map((s) => s.message)).toEqual([{ type: 'keyferry:read' }, { type: 'keyferry:read', kind: 'maintenance-api' }]);
    expect(injected.every((i) => i.files[0] === '/capture.js')).toBe(true);
  });

  it('passes the page’s own refusal on', async () => {
    reply = () => ({ ok: false, reason: 'Keyferry does not recognise this page.' });
    expect(await readTab(3)).toEqual({ ok: false, reason: 'Keyferry does not recognise this page.' });
  });

  it('refuses replies of the wrong shape', async () => {
    const bad: unknown[] = [
      undefined,
      null,
      'ok',
      42,
      {},
      { ok: true },
      { ok: 'yes', value: API_READ },
      { ok: false },
      { ok: true, value: { ...API_READ, kind: 'bank-login' } },
      { ok: true, value: { ...API_READ, apiToken: 'x'.repeat(5_000) } },
      { ok: true, value: { ...API_READ, problems: 'none' } },
    ];
    for (const answer of bad) {
      reply = () => answer;
      expect(await readTab(3), JSON.stringify(answer)?.slice(0, 60)).toEqual({ ok: false, reason: 'The page sent an answer Keyferry does not understand.' });
    }
  });
});

describe('fillTab', () => {
  it('injects fill.js and sends the plan; the field reports come back', async () => {
    const fields = [
      { field: 'Client Secret', status: 'filled' },
      { field: 'Maintenance Password', status: 'not-found' },
    ];
    reply = () => ({ ok: true, value: fields });
    expect(await fillTab(9, ACCOUNT)).toEqual({ ok: true, value: fields });
    expect(injected).toEqual([{ target: { tabId: 9 }, files: ['/fill.js'] }]);
    expect(sent).toEqual([{ tabId: 9, message: { type: 'keyferry:fill', plan: ACCOUNT }, options: { frameId: 0 } }]);
  });

  it('sends a facility plan as is', async () => {
    reply = () => ({ ok: true, value: [{ field: 'Update', status: 'saved' }] });
    expect((await fillTab(9, FACILITY)).ok).toBe(true);
    expect(sent[0]!.message).toEqual({ type: 'keyferry:fill', plan: FACILITY });
  });

  it('refuses a report with an unknown status', async () => {
    reply = () => ({ ok: true, value: [{ field: 'Client Secret', status: 'maybe' }] });
    expect((await fillTab(9, ACCOUNT)).ok).toBe(false);
  });
});

describe('when the tab cannot be reached', () => {
  it('names the tab’s origin and asks for access to it when the script cannot be injected', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://edge.example.com/admin/account?x=1' });
    injectFails = true;
    const result = await fillTab(tab.id!, ACCOUNT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('https://edge.example.com');
    expect((result as { needsAccess?: string }).needsAccess).toBe('https://edge.example.com');
    expect(sent).toEqual([]);
  });

  it('retries a refused injection (a page mid-navigation) before giving up', async () => {
    let refusals = 2;
    scripting.executeScript = vi.fn(async (details: Inject) => {
      if (refusals-- > 0) throw new Error('Frame with ID 0 is showing error page');
      injected.push(details);
      return [];
    });
    reply = () => ({ ok: true, value: DETECTION });
    expect(await detectTab(7)).toEqual({ ok: true, value: DETECTION });
    expect(injected).toHaveLength(1);
  });

  it('with access already granted, says to try again rather than asking for access', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://edge.example.com/admin/account' });
    injectFails = true;
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const result = await fillTab(tab.id!, ACCOUNT);
    expect(result).toEqual({ ok: false, reason: 'Keyferry could not run on this page (it may still be loading): wait a moment and try again.' });
  });

  it('says “this tab” and asks for no origin when the tab is not a web page or does not exist', async () => {
    injectFails = true;
    const internal = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    for (const tabId of [internal.id!, 424242]) {
      const result = await readTab(tabId);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.reason).toContain('this tab');
      expect('needsAccess' in result).toBe(false);
    }
  });

  it('tells the admin to reload when the page does not answer', async () => {
    reply = () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await detectTab(5)).toEqual({ ok: false, reason: 'The page did not answer: reload it and try again.' });
  });
});
