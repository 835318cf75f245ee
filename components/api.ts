import { browser } from 'wxt/browser';
import type { PopupRequest } from '@/lib/messages';

export interface Reply {
  ok: boolean;
  message?: string;
  reason?: string;
  [extra: string]: unknown;
}

export async function send(request: PopupRequest): Promise<Reply> {
  try {
    return ((await browser.runtime.sendMessage(request)) as Reply | undefined) ?? { ok: false, reason: 'Keyferry did not answer.' };
  } catch {
    return { ok: false, reason: 'Keyferry’s background did not answer: try again.' };
  }
}

/** `popup.html?tabId=N` acts on tab N (SPEC §4); otherwise the active tab of this window. */
export async function targetTabId(): Promise<number | undefined> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
