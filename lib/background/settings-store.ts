import { browser } from 'wxt/browser';
import { defaultSettings, parseSettings, type Settings } from '../settings';

const SETTINGS_KEY = 'keyferry.settings';
const E2E = import.meta.env.KEYFERRY_E2E === true;

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY], defaultSettings(E2E));
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
