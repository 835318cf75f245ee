// The small "Fill with Keyferry" button beside a recognised Edge section. It lives in a closed
// shadow root, positioned over the page (no layout shift, no focus stealing), and acts only on
// trusted clicks: nothing a page script dispatches can trigger a fill.

import { findAccountSection } from '../pages/edge-account';
import { MAPPING_SECTION } from '../pages/edge-facility';
import { findSection, type Section } from '../dom/sections';
import { isRendered } from '../dom/visibility';
import { pageElements, type PageScope } from '../pages/scope';
import { sendToBackground } from './runtime';

const LOOK_GAPS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const CLICK_LOOK_MS = 300;
/** A section brings a heading, labels and fields; a ticker or a toast brings one or two elements. */
const MIN_NEW_ELEMENTS = 4;
const NAVIGATION_KEYS = new Set(['Enter', ' ', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

// An unrelated page must cost next to nothing (`npm run bench` measures it against an empty content
// script). So the first look is one regex over the body's text plus one hit test, and no observer
// runs afterwards: each callback in this world costs ~0.05 ms, and a live app mutates all the time.
// Later looks come from a few timed checks of the element count (more elements means new content),
// and from the admin's own clicks and keys.
// Spaces between the words may be any, or invisible (zero-width, soft hyphen).
const SECTION_WORDS = /maintenance[\s\u00AD\u200B-\u200D\u2060\uFEFF]*integration|vendor[\s\u00AD\u200B-\u200D\u2060\uFEFF]*mapping/i;

/**
 * A cheap sign that the page may hold a section: its text names one, or a web component (whose
 * text stays in its shadow root, outside `textContent`) is in view, or anywhere once the admin acted.
 */
function mayHaveSection(scope: PageScope, everywhere: boolean): boolean {
  const body = scope.document.body;
  if (!body) return false;
  const shadowRootOf = scope.walk?.shadowRootOf ?? ((el: Element) => el.shadowRoot);
  const isHost = (el: Element) => el.localName.includes('-') && !!shadowRootOf(el);
  if (SECTION_WORDS.test(body.textContent ?? '')) return true;
  const hit = everywhere ? null : hitInView(scope.document);
  if (!hit) return Array.from(body.getElementsByTagName('*')).some(isHost);
  for (let el: Element | null = hit; el; el = el.parentElement) if (isHost(el)) return true;
  return false;
}

/**
 * What the middle of the view shows. A hit test answers with the outermost shadow host, so one
 * point finds an app built of web components without touching every element (one off-centre is
 * found on the admin's first click or key). Null without layout (unit-test DOMs, hidden frames).
 */
function hitInView(doc: Document): Element | null {
  const view = doc.defaultView;
  return view ? doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 2) : null;
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

function render(scope: PageScope, found: { kind: 'edge-account' | 'edge-facility'; section: Section }): HTMLElement {
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
  return host;
}

export interface InlineButton {
  /** Stops looking; a button already shown stays. */
  stop(): void;
  /** The page changed under the same document (a client-side route, a new title): look again. */
  lookAgain(): void;
}

/**
 * Looks for a recognised section at once and for a bounded time after, then mounts the button once.
 */
export function mountInlineButton(scope: PageScope): InlineButton {
  const doc = scope.document;
  const view = doc.defaultView;
  const elements = doc.getElementsByTagName('*');
  let seenCount = -1;
  let candidate = false;
  let done = false;
  let stopped = false;
  let shown: { host: HTMLElement; heading: Element } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** 'timer' looks only when elements were added, or the page has shown signs of a section. */
  const look = async (trigger: 'load' | 'timer' | 'admin') => {
    if (done) return;
    const count = elements.length;
    if (trigger === 'timer' && !candidate && Math.abs(count - seenCount) < MIN_NEW_ELEMENTS) return;
    seenCount = count;
    candidate = mayHaveSection(scope, trigger === 'admin');
    const found = candidate ? findEdgeSection(scope) : null;
    if (!found) return;
    done = true;
    unwatch();
    const eligible = (await sendToBackground({ type: 'keyferry:inline-eligible' }).catch(() => null)) as { ok?: boolean } | null;
    // A second look may have answered first (the page was looked at again meanwhile).
    if (eligible?.ok && !stopped && !shown) shown = { host: render(scope, found), heading: found.section.heading };
  };
  const watch = (gaps: readonly number[], trigger: 'load' | 'timer' | 'admin') => {
    clearTimeout(timer);
    const [gap, ...rest] = gaps;
    if (done || gap === undefined) return;
    timer = setTimeout(() => {
      void look(trigger);
      watch(rest, 'timer');
    }, gap);
  };
  // A section can appear without new elements the count sees (a tab chosen inside a shadow root,
  // a panel unhidden): the admin's own click, key or history step prompts a look and a fresh watch.
  const onAdmin = (event: Event) => {
    if (!event.isTrusted || (event instanceof KeyboardEvent && !NAVIGATION_KEYS.has(event.key))) return;
    watch([CLICK_LOOK_MS, ...LOOK_GAPS_MS], 'admin');
  };
  const listen = () => {
    doc.addEventListener('click', onAdmin, { capture: true, passive: true });
    doc.addEventListener('keydown', onAdmin, { capture: true, passive: true });
    view?.addEventListener('popstate', onAdmin, { passive: true });
  };
  const unwatch = () => {
    clearTimeout(timer);
    doc.removeEventListener('click', onAdmin, true);
    doc.removeEventListener('keydown', onAdmin, true);
    view?.removeEventListener('popstate', onAdmin);
  };
  // The first look waits for the parsed page and a painted frame: a hit test on a page still laying
  // out would force that layout early. A tab in the background has no button to show until it is seen.
  const start = () => requestAnimationFrame(() => watch([0, ...LOOK_GAPS_MS], 'load'));
  listen();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return {
    stop() {
      stopped = done = true;
      unwatch();
    },
    lookAgain() {
      if (stopped) return;
      if (shown) {
        if (shown.heading.isConnected && isRendered(shown.heading)) return place(shown.host, shown.heading);
        // The section went away with the route: so does its button.
        shown.host.remove();
        shown = null;
      }
      if (done) {
        done = false;
        listen();
      }
      start();
    },
  };
}
