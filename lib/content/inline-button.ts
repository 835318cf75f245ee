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
const CLICK_SCAN_MS = 300;

// Cheap pre-checks before any real scan, so an unrelated page costs next to nothing (measured in
// `npm run bench`): one regex over the body's text, then the browser's XPath engine lists custom
// elements, so no script loop touches every element (each touch costs a wrapper in this isolated
// world, and garbage to collect).
const SECTION_WORDS = /integration|vendor\s*mapping/i;
const CUSTOM_ELEMENTS_XPATH = ".//*[contains(local-name(), '-')]";

function mayHaveSection(scope: PageScope): boolean {
  const doc = scope.document;
  if (!doc.body) return false;
  if (SECTION_WORDS.test(doc.body.textContent ?? '')) return true;
  // Web components keep their text in shadow roots: look for a custom element hosting one.
  const shadowRootOf = scope.walk?.shadowRootOf ?? ((el: Element) => el.shadowRoot);
  return customElementsIn(doc).some((el) => !!shadowRootOf(el));
}

/** Whether added content could hold a section: its text names one, or it holds custom elements. */
function mayAddSection(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return SECTION_WORDS.test(node.nodeValue ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const el = node as Element;
  return SECTION_WORDS.test(el.textContent ?? '') || el.localName.includes('-') || customElementsIn(el.ownerDocument, el).length > 0;
}

function customElementsIn(doc: Document, root: Node = doc.body): Element[] {
  try {
    const hosts = doc.evaluate(CUSTOM_ELEMENTS_XPATH, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: Math.min(hosts.snapshotLength, 500) }, (_, i) => hosts.snapshotItem(i) as Element);
  } catch {
    // DOMs without XPath (unit-test DOMs): the same list, the slow way.
    return Array.from((root as Element).getElementsByTagName('*')).filter((el) => el.localName.includes('-'));
  }
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
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  let watching = false;
  let mounted = false;
  const stop = () => {
    watching = false;
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(watchTimer);
    timer = undefined;
  };
  const schedule = (delay: number) => {
    if (!timer && watching) timer = setTimeout(() => void scan(), delay);
  };
  const scan = async () => {
    timer = undefined;
    if (!watching || scans++ >= MAX_SCANS) return stop();
    if (!mayHaveSection(scope)) return;
    const found = findEdgeSection(scope);
    if (!found) return;
    stop();
    mounted = true;
    doc.removeEventListener('click', onClick, true);
    const eligible = (await sendToBackground({ type: 'keyferry:inline-eligible' }).catch(() => null)) as { ok?: boolean } | null;
    if (eligible?.ok) render(scope, found);
  };
  const watch = () => {
    watching = true;
    scans = 0;
    if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
    watchTimer = setTimeout(stop, WATCH_MS);
  };
  // Only what was added is looked at: a live app's ticker costs a regex over a few characters.
  const observer = new MutationObserver((records) => {
    if (records.some((r) => Array.from(r.addedNodes).some(mayAddSection))) schedule(SCAN_GAP_MS);
  });
  // A section that appears inside a shadow root (a tab chosen in a web component) changes nothing
  // the observer sees: the admin's own click looks again, and restarts a watch that has ended.
  const onClick = (event: Event) => {
    if (!event.isTrusted || mounted) return;
    if (!watching) watch();
    schedule(CLICK_SCAN_MS);
  };
  doc.addEventListener('click', onClick, { capture: true, passive: true });
  watch();
  schedule(0);
}
