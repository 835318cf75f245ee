// Loads the real e2e build (.output/chrome-mv3-e2e) into Debian's Chromium, as users run it.

import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension } from '../browser.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve(process.env.KEYFERRY_EXTENSION_DIR ?? '.output/chrome-mv3-e2e');
export const FIXTURES = 'http://127.0.0.1:4173';
export const FIXTURES_OTHER_PORT = 'http://127.0.0.1:4174';
export const UNREGISTERED = 'http://localhost:4173';
export const PASSPHRASE = 'correct horse battery staple';

export async function launch(userDataDir: string): Promise<BrowserContext> {
  return (await launchWithExtension(EXTENSION_DIR, userDataDir)) as unknown as BrowserContext;
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker');
}

export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
}

/** The tab id Chromium gave this page, asked of the extension's own worker. */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = await serviceWorker(context);
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab for ${url}`);
  return id;
}

/** SPEC §4: popup.html?tabId=N acts on tab N. */
export async function openPopup(context: BrowserContext, page: Page): Promise<Page> {
  const id = await extensionId(context);
  const tabId = await tabIdOf(context, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
  return popup;
}

export async function createVault(popup: Page, passphrase = PASSPHRASE): Promise<void> {
  await popup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await popup.getByLabel('Confirm passphrase').fill(passphrase);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await popup.getByRole('button', { name: 'Capture from page' }).waitFor();
}

export async function unlock(popup: Page, passphrase = PASSPHRASE): Promise<void> {
  await popup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await popup.getByRole('button', { name: 'Unlock' }).click();
}

/** Clicks a popup action and returns the sentence it announced in role=status. */
export async function act(popup: Page, action: 'Capture from page' | 'Fill page' | 'Transfer to Edge'): Promise<string> {
  const status = popup.getByRole('status');
  await popup.getByRole('button', { name: action }).click();
  await popup.waitForFunction(() => {
    const el = document.querySelector('[role=status]');
    return !!el && el.textContent !== 'Working…' && !!el.textContent;
  });
  return (await status.textContent()) ?? '';
}

export async function submitted(name: string): Promise<Record<string, unknown> | null> {
  const res = await fetch(`${FIXTURES}/submitted/${name}`);
  return res.ok ? ((await res.json()) as Record<string, unknown>) : null;
}

export async function resetSubmissions(): Promise<void> {
  await fetch(`${FIXTURES}/reset`, { method: 'POST' });
}

export const test = base.extend<{ context: BrowserContext; userDataDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyferry-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use) => {
    const context = await launch(userDataDir);
    await resetSubmissions();
    await use(context);
    await context.close();
  },
});
export const expect = test.expect;

export interface ApiTabExpected {
  tenant: string;
  apiToken: string;
  apiSecretKey: string;
}

/** What the native API-tab fixture shows (its entry in test/fixtures/maintenance/expected.json). */
export async function apiTabExpected(): Promise<ApiTabExpected> {
  return (await (await fetch(`${FIXTURES}/maintenance/expected.json`)).json())['api-native.html'].expected;
}

/** A new vault holding the native API tab's credentials; returns the popup and what was captured. */
export async function vaultWithApiCredentials(context: BrowserContext): Promise<{ popup: Page; maintenance: Page; expected: ApiTabExpected }> {
  const maintenance = await context.newPage();
  await maintenance.goto(`${FIXTURES}/maintenance/api-native.html`);
  const popup = await openPopup(context, maintenance);
  await createVault(popup);
  expect(await act(popup, 'Capture from page')).toContain('Captured API credentials');
  return { popup, maintenance, expected: await apiTabExpected() };
}
