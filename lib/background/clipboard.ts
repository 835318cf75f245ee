// Clears a copied secret from the clipboard 30 s later, even after the popup has closed, but only
// if the clipboard still holds it: something the admin copied since is never wiped. The worker has
// no clipboard, so an offscreen document does the reading and clearing. Reading needs the optional
// clipboardRead permission, which the admin grants in Options; without it the popup clears the
// clipboard itself while it stays open. Only a SHA-256 of the secret is kept meanwhile, in memory
// (storage.session), never the secret.

import { browser } from 'wxt/browser';
import { CLIPBOARD_READ, sha256Hex } from '../clipboard';

export const CLIPBOARD_ALARM = 'keyferry-clipboard';
const PENDING_KEY = 'keyferry-clipboard-pending';
const OFFSCREEN_URL = 'offscreen.html';

interface OffscreenApi {
  createDocument(details: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

function offscreen(): OffscreenApi | undefined {
  return (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
}

/** Whether a copy will be cleared after the popup closes: the browser has offscreen documents and the admin allowed reading. */
export async function canClearWhenClosed(): Promise<boolean> {
  if (!offscreen()) return false;
  return browser.permissions.contains(CLIPBOARD_READ).catch(() => false);
}

export async function armClipboardClear(secret: string): Promise<{ clearsWhenClosed: boolean }> {
  await browser.storage.session.set({ [PENDING_KEY]: await sha256Hex(secret) });
  await browser.alarms.create(CLIPBOARD_ALARM, { delayInMinutes: 0.5 });
  return { clearsWhenClosed: await canClearWhenClosed() };
}

export async function clearClipboardIfUnchanged(): Promise<void> {
  const stored = (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY];
  await browser.storage.session.remove(PENDING_KEY);
  const api = offscreen();
  if (typeof stored !== 'string' || !api || !(await canClearWhenClosed())) return;
  if (!(await api.hasDocument?.().catch(() => false))) {
    await api.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a secret the admin copied from Keyferry, 30 s later, if the clipboard still holds it.',
    });
  }
  try {
    await browser.runtime.sendMessage({ type: 'keyferry:clipboard-clear-if', sha256: stored });
  } finally {
    await api.closeDocument().catch(() => undefined);
  }
}
