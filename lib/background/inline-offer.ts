// The inline button's script goes only into pages that may hold an Edge form (lib/inline-pages.ts).
// The worker injects it when such a tab finishes loading, or changes address (a client-side route)
// or title, rather than registering a content script that would read every page of the Edge app.

import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { MAX_LEARNED_PAGES, isInlineCandidate, namesFormPage, pageKey, withLearned } from '../inline-pages';
import { isRegistered, originOf } from '../origins';
import { readSettings, readValue, writeValue } from './settings-store';
import { INLINE_SCRIPT } from './tabs';

const LEARNED_KEY = 'inline-pages';
/** Earlier builds registered inline.js on every page of an Edge origin, persisting across sessions. */
const LEGACY_SCRIPT_ID = 'keyferry-inline';
const LearnedSchema = z.array(z.string().check(z.maxLength(4_000))).check(z.maxLength(MAX_LEARNED_PAGES));

/** The address (and whether the title names a form page) each tab's document was last offered with. */
const offered = new Map<number, string>();

/** Pages where Keyferry recognised an Edge form before; a stored value that does not parse counts as none. */
export async function learnedPages(): Promise<string[]> {
  const parsed = LearnedSchema.safeParse(await readValue(LEARNED_KEY).catch(() => undefined));
  return parsed.success ? parsed.data : [];
}

/** Keyferry recognised an Edge form at `url`: the button is offered on that kind of page from now on. */
export async function learnInlinePage(url: string | undefined): Promise<void> {
  const key = pageKey(url);
  if (!key) return;
  const learned = await learnedPages();
  if (learned[0] !== key) await writeValue(LEARNED_KEY, withLearned(learned, key));
}

export interface TabState {
  id?: number;
  url?: string;
  title?: string;
  status?: string;
}

/** Injects inline.js into the tab's top frame if it is a registered Edge page that may hold a form. */
export async function offerInline(tab: TabState): Promise<void> {
  const { id, url, title } = tab;
  if (id === undefined || tab.status !== 'complete') return;
  // Marked before anything is awaited: a load and a title change arrive together. A title that
  // changes without starting or ceasing to name a form page (a count, a clock) is the same page.
  const key = `${url ?? ''}\n${namesFormPage(title ?? '')}`;
  if (offered.get(id) === key) return;
  offered.set(id, key);
  const origin = originOf(url);
  if (!origin || !isRegistered((await readSettings()).edgeOrigins, origin)) return;
  if (!isInlineCandidate(url, title, await learnedPages())) return;
  // Refused without host access (not granted yet) or on a page that just went away.
  await browser.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: [INLINE_SCRIPT] }).catch(() => offered.delete(id));
}

/** An Edge origin is no longer registered: what was learned of its pages goes too. */
export async function forgetInlinePages(origin: string): Promise<void> {
  const learned = await learnedPages();
  const kept = learned.filter((key) => originOf(key) !== origin);
  if (kept.length !== learned.length) await writeValue(LEARNED_KEY, kept);
}

export function forgetTab(tabId: number): void {
  offered.delete(tabId);
}

/** After install, start-up, or a change of registered origins or granted access: every open tab again. */
export async function offerToOpenTabs(): Promise<void> {
  const legacy = await browser.scripting.getRegisteredContentScripts({ ids: [LEGACY_SCRIPT_ID] }).catch(() => []);
  if (legacy.length) await browser.scripting.unregisterContentScripts({ ids: [LEGACY_SCRIPT_ID] }).catch(() => undefined);
  offered.clear();
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => offerInline(tab)));
}

export function watchInlineTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') forgetTab(tabId);
    if (change.url !== undefined || change.title !== undefined || change.status === 'complete') void offerInline(tab);
  });
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
}
