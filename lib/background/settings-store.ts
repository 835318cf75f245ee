// Settings and the wrong-passphrase counter live in the extension's own IndexedDB, not in
// storage.local: content scripts can write storage.local, and the registered Edge origins decide
// where secrets may go.

import { openDB, type IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { applyPolicy, parsePolicy, type EffectiveSettings } from '../managed';
import { defaultSettings, parseSettings, type Settings } from '../settings';

const E2E = import.meta.env.KEYFERRY_E2E === true;
const DB_NAME = 'keyferry-settings';
const STORE = 'settings';
const SETTINGS_KEY = 'settings';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });
  return dbPromise;
}

export async function readValue(key: string): Promise<unknown> {
  return (await db()).get(STORE, key);
}

export async function writeValue(key: string, value: unknown): Promise<void> {
  await (await db()).put(STORE, value, key);
}

export async function deleteValue(key: string): Promise<void> {
  await (await db()).delete(STORE, key);
}

/** What the admin chose, before the organisation's policy. */
export async function readOwnSettings(): Promise<Settings> {
  return parseSettings(await readValue(SETTINGS_KEY), defaultSettings(E2E));
}

async function readPolicy(): Promise<unknown> {
  // Browsers without a managed policy (or without managed storage at all) reject: no policy.
  return browser.storage.managed.get(null).catch(() => ({}));
}

/** Settings in force: the admin's own with the organisation's policy applied. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  return applyPolicy(await readOwnSettings(), parsePolicy(await readPolicy()));
}

export async function readSettings(): Promise<Settings> {
  return (await readEffectiveSettings()).settings;
}

/** Stores the admin's own choices; what the policy sets keeps winning when read back. */
export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const own = await readOwnSettings();
  const next = { ...own, ...patch };
  await writeValue(SETTINGS_KEY, next);
  return readSettings();
}
