// Settings and the wrong-passphrase counter live in the extension's own IndexedDB, not in
// storage.local: content scripts can write storage.local, and the registered Edge origins decide
// where secrets may go.

import { openDB, type IDBPDatabase } from 'idb';
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

export async function readSettings(): Promise<Settings> {
  return parseSettings(await readValue(SETTINGS_KEY), defaultSettings(E2E));
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await writeValue(SETTINGS_KEY, next);
  return next;
}
