// Only the inline-button script runs by itself, and only on registered origins the admin granted
// host access to; the capture and fill scripts are injected when the admin acts (activeTab).

import { browser } from 'wxt/browser';
import { matchPattern } from '../origins';
import { readSettings } from './settings-store';
import { INLINE_SCRIPT } from './tabs';

const SCRIPT_ID = 'keyferry-inline';

export async function syncContentScripts(): Promise<void> {
  const settings = await readSettings();
  const wanted = [...new Set(settings.edgeOrigins.map(matchPattern).filter((p): p is string => !!p))];
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!granted.length) return;
  // document_start: Chromium holds a page's load event until document_end and document_idle
  // scripts have run, which cost the bench's heavy page about 70 ms of load time even for an empty
  // script; a document_start script costs none. The script itself waits for the parsed page.
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, js: [INLINE_SCRIPT.slice(1)], matches: granted, runAt: 'document_start', persistAcrossSessions: true, allFrames: false },
  ]);
}
