// A fixture page with its own inline scripts run (happy-dom JavaScript evaluation), for the pages
// whose behaviour lives in a script: the facility's tabs and pencil, Save/Update posting the page's
// state. `fetch` is replaced before the scripts run, so a submission is recorded, never sent.
// Only the repository's own fixture pages are loaded this way.

import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { FIXTURE_DIR } from '../fixtures';

export interface LivePage {
  document: Document;
  /** Bodies the page POSTed (parsed JSON), in order. */
  submissions: { url: string; body: unknown }[];
  close(): Promise<void>;
}

export function loadLiveFixture(relative: string, search = ''): LivePage {
  const html = fs.readFileSync(path.join(FIXTURE_DIR, relative), 'utf8');
  const window = new Window({
    url: `http://127.0.0.1:4173/${relative}${search}`,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
    },
  });
  const submissions: LivePage['submissions'] = [];
  const fakeFetch = async (url: string, init?: { body?: string }) => {
    submissions.push({ url: String(url), body: init?.body ? JSON.parse(init.body) : undefined });
    return { ok: true, status: 200, json: async () => ({}) };
  };
  (window as unknown as { fetch: unknown }).fetch = fakeFetch;
  window.document.write(html);
  return {
    document: window.document as unknown as Document,
    submissions,
    close: () => window.happyDOM.close(),
  };
}

/** Lets the page's async handlers (a Save click's awaited fetch) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}
