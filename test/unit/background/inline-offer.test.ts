// The worker injects inline.js only into registered Edge pages that may hold an Edge form, once per
// address and title of a document. WXT's fakeBrowser has no scripting API: executeScript and the
// content-script registry are stubbed. Settings and learned pages are the real settings store
// (fake-indexeddb).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetInlinePages, forgetTab, learnInlinePage, learnedPages, offerInline, offerToOpenTabs } from '@/lib/background/inline-offer';
import { writeSettings, writeValue } from '@/lib/background/settings-store';
import { MAX_LEARNED_PAGES } from '@/lib/inline-pages';

type Inject = { target: { tabId: number; frameIds?: number[] }; files: string[] };
const scripting = (fakeBrowser as unknown as { scripting: Record<string, unknown> }).scripting;
const originals = { ...scripting };

let injected: Inject[];
let refuse: boolean;
let registered: string[];
let unregistered: string[][];

const EDGE = 'https://edge.example.com';
let nextTab = 100;
const tab = (url: string, title = 'Titan Cloud Edge', status = 'complete') => ({ id: nextTab++, url, title, status });

beforeEach(async () => {
  injected = [];
  refuse = false;
  registered = [];
  unregistered = [];
  scripting.executeScript = vi.fn(async (details: Inject) => {
    if (refuse) throw new Error('Cannot access contents of the page. Extension manifest must request permission.');
    injected.push(details);
    return [];
  });
  scripting.getRegisteredContentScripts = vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((id) => ids.includes(id)).map((id) => ({ id })));
  scripting.unregisterContentScripts = vi.fn(async ({ ids }: { ids: string[] }) => {
    unregistered.push(ids);
    registered = registered.filter((id) => !ids.includes(id));
  });
  await writeSettings({ edgeOrigins: [EDGE], maintenanceOrigins: ['https://acme.titanmaintenance.com'] });
  await writeValue('inline-pages', []);
});
afterEach(async () => {
  Object.assign(scripting, originals);
  vi.restoreAllMocks();
  await writeSettings({ edgeOrigins: [], maintenanceOrigins: [] });
});

describe('offerInline', () => {
  it('injects inline.js into the top frame of a registered Edge page that names an Edge form', async () => {
    const t = tab(`${EDGE}/admin/account-settings`);
    await offerInline(t);
    expect(injected).toEqual([{ target: { tabId: t.id, frameIds: [0] }, files: ['/inline.js'] }]);
  });

  it('injects nothing into an Edge page that names none and was never filled', async () => {
    await offerInline(tab(`${EDGE}/dashboard`, 'Orders dashboard'));
    expect(injected).toEqual([]);
  });

  it('injects nothing outside the registered Edge origins, Maintenance origins included', async () => {
    await offerInline(tab('https://edge.example.org/account-settings'));
    await offerInline(tab('https://acme.titanmaintenance.com/account-settings'));
    await offerInline(tab('http://edge.example.com/account-settings'));
    expect(injected).toEqual([]);
  });

  it('waits for the page to finish loading', async () => {
    await offerInline(tab(`${EDGE}/account-settings`, 'Titan Cloud Edge', 'loading'));
    await offerInline({ url: `${EDGE}/account-settings`, status: 'complete' });
    expect(injected).toEqual([]);
  });

  it('looks once per page of a document: again on a new address, a title that starts naming a form page, or a new document', async () => {
    const t = tab(`${EDGE}/app`, 'Account Settings');
    await Promise.all([offerInline(t), offerInline(t)]);
    expect(injected).toHaveLength(1);
    // A count or a clock in the title is the same page.
    await offerInline({ ...t, title: 'Account Settings (3)' });
    expect(injected).toHaveLength(1);
    await offerInline({ ...t, url: `${EDGE}/app#/facility/7`, title: 'Titan Cloud Edge' });
    expect(injected).toHaveLength(2);
    await offerInline({ ...t, url: `${EDGE}/app#/facility/7`, title: 'Titan Cloud Edge' });
    expect(injected).toHaveLength(2);
    forgetTab(t.id);
    await offerInline({ ...t, url: `${EDGE}/app#/facility/7`, title: 'Titan Cloud Edge' });
    expect(injected).toHaveLength(3);
    // Same address, the title now names a form page (an app that routes without changing its address).
    const quiet = tab(`${EDGE}/app`, 'Titan Cloud Edge');
    await offerInline(quiet);
    await offerInline({ ...quiet, title: 'Facility Profile' });
    expect(injected.map((i) => i.target.tabId).filter((id) => id === quiet.id)).toHaveLength(1);
  });

  it('tries again later when the browser refused (no host access yet)', async () => {
    const t = tab(`${EDGE}/account-settings`);
    refuse = true;
    await offerInline(t);
    refuse = false;
    await offerInline(t);
    expect(injected).toHaveLength(1);
  });

  it('offers a page Keyferry filled before, whatever its address and title say', async () => {
    await learnInlinePage(`${EDGE}/app/v/123?x=1`);
    await offerInline(tab(`${EDGE}/app/v/456`));
    await offerInline(tab(`${EDGE}/app/w/456`));
    expect(injected.map((i) => i.target.tabId)).toHaveLength(1);
  });
});

describe('learned pages', () => {
  it('keep the most recent first, once each, within the cap', async () => {
    // Page names without digits (a digit makes a path segment an id).
    const name = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
    for (let i = 0; i < MAX_LEARNED_PAGES + 5; i++) await learnInlinePage(`${EDGE}/${name(i)}`);
    await learnInlinePage(`${EDGE}/${name(MAX_LEARNED_PAGES)}`);
    const learned = await learnedPages();
    expect(learned).toHaveLength(MAX_LEARNED_PAGES);
    expect(learned[0]).toBe(`${EDGE}/${name(MAX_LEARNED_PAGES)}`);
    expect(learned).not.toContain(`${EDGE}/${name(0)}`);
    expect(new Set(learned).size).toBe(learned.length);
  });

  it('ignore an address that is not http(s)', async () => {
    await learnInlinePage('chrome://extensions');
    await learnInlinePage(undefined);
    expect(await learnedPages()).toEqual([]);
  });

  it('count as none when the stored value was tampered with', async () => {
    for (const bad of ['a string', [1, 2], Array.from({ length: MAX_LEARNED_PAGES + 1 }, () => 'x'), { 0: 'x' }, null]) {
      await writeValue('inline-pages', bad);
      expect(await learnedPages()).toEqual([]);
    }
    await offerInline(tab(`${EDGE}/app`));
    expect(injected).toEqual([]);
  });
});

describe('forgetInlinePages', () => {
  it('drops what was learned of an origin, and only of that origin', async () => {
    await learnInlinePage(`${EDGE}/app/v/1`);
    await learnInlinePage('https://other-edge.example.com/app/v/1');
    await forgetInlinePages(EDGE);
    expect(await learnedPages()).toEqual(['https://other-edge.example.com/app/v/*']);
  });
});

describe('offerToOpenTabs', () => {
  it('removes the script earlier versions registered on every page, then offers each open tab', async () => {
    registered = ['keyferry-inline'];
    const form = await fakeBrowser.tabs.create({ url: `${EDGE}/facility-profile` });
    await fakeBrowser.tabs.create({ url: `${EDGE}/reports` });
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
      { id: form.id, url: `${EDGE}/facility-profile`, status: 'complete' },
      { id: form.id! + 1, url: `${EDGE}/reports`, status: 'complete' },
    ]) as never);
    await offerToOpenTabs();
    expect(unregistered).toEqual([['keyferry-inline']]);
    expect(injected.map((i) => i.target.tabId)).toEqual([form.id]);
  });

  it('looks again at a tab offered before (origins or access changed)', async () => {
    const t = tab(`${EDGE}/account-settings`);
    await offerInline(t);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [t]) as never);
    await offerToOpenTabs();
    expect(injected).toHaveLength(2);
    expect(unregistered).toEqual([]);
  });
});
