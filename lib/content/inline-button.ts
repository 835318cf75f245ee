// The small "Fill with Keyferry" button beside a recognised Edge section. It lives in a closed
// shadow root, positioned over the page (no layout shift, no focus stealing), and acts only on
// trusted clicks: nothing a page script dispatches can trigger a fill.

import { findAccountSection } from '../pages/edge-account';
import { MAPPING_SECTION } from '../pages/edge-facility';
import { findSection, type Section } from '../dom/sections';
import { pageElements, type PageScope } from '../pages/scope';
import { sendToBackground } from './runtime';

const MAX_SCANS = 15;
const SCAN_GAP_MS = 1_000;
const WATCH_MS = 30_000;

// Cheap pre-checks before any real scan, so an unrelated page costs next to nothing (measured in
// `npm run bench`: one regex over textContent is ~30x cheaper than an XPath text search).
const SECTION_WORDS = /integration|vendor\s*mapping/i;

function mayHaveSection(scope: PageScope): boolean {
  const doc = scope.document;
  const shadowRootOf = scope.walk?.shadowRootOf ?? ((el: Element) => el.shadowRoot);
  if (!doc.body) return false;
  if (SECTION_WORDS.test(doc.body.textContent ?? '')) return true;
  // Web components keep their text in shadow roots: look for a custom element hosting one.
  const all = doc.body.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (el.localName.includes('-') && shadowRootOf(el)) return true;
  }
  return false;
}

function findEdgeSection(scope: PageScope): { kind: 'edge-account' | 'edge-facility'; section: Section } | null {
  const elements = pageElements(scope);
  const account = findAccountSection(elements);
  if (account) return { kind: 'edge-account', section: account };
  const mapping = findSection(elements, MAPPING_SECTION);
  return mapping ? { kind: 'edge-facility', section: mapping } : null;
}

function place(host: HTMLElement, anchor: Element): void {
  const rect = anchor.getBoundingClientRect();
  const view = anchor.ownerDocument.defaultView;
  host.style.top = `${Math.max(0, rect.top + (view?.scrollY ?? 0))}px`;
  host.style.left = `${Math.max(0, rect.right + (view?.scrollX ?? 0) + 8)}px`;
}

function render(scope: PageScope, found: { kind: 'edge-account' | 'edge-facility'; section: Section }): void {
  const doc = scope.document;
  const host = doc.createElement('keyferry-inline');
  host.style.cssText = 'position:absolute;z-index:2147483646;all:initial;position:absolute;';
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>
    button{font:600 12px/1.2 system-ui,sans-serif;padding:4px 8px;border-radius:6px;border:1px solid #1d4ed8;background:#eff6ff;color:#1e3a8a;cursor:pointer}
    button:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
    output{display:block;margin-top:4px;font:12px system-ui,sans-serif;color:#111;background:#fff;max-width:320px;padding:2px 4px}
    output:empty{display:none}
  </style><button type="button">Fill with Keyferry</button><output role="status" aria-live="polite"></output>`;
  const button = shadow.querySelector('button')!;
  const out = shadow.querySelector('output')!;
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    out.textContent = 'Filling…';
    sendToBackground({ type: 'keyferry:inline-fill', kind: found.kind })
      .then((reply: unknown) => {
        const r = reply as { ok?: boolean; message?: string; reason?: string } | undefined;
        out.textContent = r?.ok ? (r.message ?? 'Filled.') : (r?.reason ?? 'Keyferry did not answer.');
      })
      .catch(() => (out.textContent = 'Keyferry did not answer: reload the page and try again.'));
  });
  doc.body.append(host);
  place(host, found.section.heading);
}

/** Watches for a recognised section for a bounded time, then mounts the button once. */
export function mountInlineButton(scope: PageScope): void {
  const doc = scope.document;
  let scans = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const stop = () => {
    done = true;
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
  const scan = async () => {
    timer = undefined;
    if (done || scans++ >= MAX_SCANS) return stop();
    if (!mayHaveSection(scope)) return;
    const found = findEdgeSection(scope);
    if (!found) return;
    stop();
    const eligible = (await sendToBackground({ type: 'keyferry:inline-eligible' }).catch(() => null)) as { ok?: boolean } | null;
    if (eligible?.ok) render(scope, found);
  };
  const observer = new MutationObserver(() => {
    if (!timer && !done) timer = setTimeout(() => void scan(), SCAN_GAP_MS);
  });
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  setTimeout(stop, WATCH_MS);
  timer = setTimeout(() => void scan(), 0);
}
