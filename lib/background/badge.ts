// The toolbar badge (SPEC §2): a count of credentials that need attention, and on a tab of a
// registered Titan Maintenance or Titan Cloud Edge origin a dot, so the admin sees at a glance that
// Keyferry can act on the page. The title says the same in words (no colour-only meaning).

import { browser } from 'wxt/browser';
import { isRegistered, originOf } from '../origins';
import type { Settings } from '../settings';
import { readSettings } from './settings-store';

export type TabKind = 'maintenance' | 'edge' | null;

const WARN = '#9a3412';
const INFO = '#1d4ed8';

export function registeredKind(url: string | undefined, settings: Pick<Settings, 'maintenanceOrigins' | 'edgeOrigins'>): TabKind {
  const origin = originOf(url);
  if (!origin) return null;
  if (isRegistered(settings.edgeOrigins, origin)) return 'edge';
  if (isRegistered(settings.maintenanceOrigins, origin)) return 'maintenance';
  return null;
}

export interface Badge {
  text: string;
  title: string;
  color: string;
}

export function badgeFor(kind: TabKind, attention: number): Badge {
  const count = attention > 0 ? String(Math.min(attention, 99)) : '';
  const page = kind === 'edge' ? 'a registered Titan Cloud Edge page' : kind === 'maintenance' ? 'a registered Titan Maintenance page' : '';
  const parts = ['Keyferry'];
  if (page) parts.push(`this tab is ${page}`);
  if (attention > 0) parts.push(`${attention} credential${attention === 1 ? ' needs' : 's need'} attention`);
  return { text: kind ? `•${count}` : count, title: parts.join(' — '), color: attention > 0 ? WARN : INFO };
}

// The worker may restart: -1 makes the next count (on unlock or status) refresh every tab.
let attention = -1;

async function apply(badge: Badge, tabId?: number): Promise<void> {
  const target = tabId === undefined ? {} : { tabId };
  await Promise.all([
    browser.action.setBadgeText({ ...target, text: badge.text }),
    browser.action.setTitle({ ...target, title: badge.title }),
    browser.action.setBadgeBackgroundColor({ ...target, color: badge.color }),
  ]).catch(() => undefined);
}

/** Shows the dot on a registered tab; any other tab goes back to the global badge. */
export async function showTab(tabId: number, url: string | undefined, known?: Settings): Promise<void> {
  const count = Math.max(attention, 0);
  const settings = known ?? (await readSettings().catch(() => null));
  if (!settings) return;
  const kind = registeredKind(url, settings);
  if (kind) return apply(badgeFor(kind, count), tabId);
  // A null text clears the tab's own text so the global one shows (the types omit null).
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: null as unknown as string }),
    browser.action.setTitle({ tabId, title: badgeFor(null, count).title }),
  ]).catch(() => undefined);
}

/** The global count of credentials needing attention (0 while locked). */
export async function setAttention(count: number): Promise<void> {
  if (count === attention) return;
  attention = count;
  await apply(badgeFor(null, count));
  await showAllTabs();
}

async function showAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  const settings = await readSettings().catch(() => null);
  if (!settings) return;
  await Promise.all(tabs.filter((t) => t.id !== undefined).map((t) => showTab(t.id!, t.url, settings)));
}

export function watchTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void showTab(tabId, tab.url);
  });
  // Tabs that loaded before this worker started (first install, a restart) are marked now.
  void showAllTabs();
}
