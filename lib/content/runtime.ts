// The extension API as content scripts need it, without webextension-polyfill: its ~10 KB would
// take most of the 25 KB content-script budget. Both Chrome's `chrome` and Firefox's `browser`
// accept a listener that calls sendResponse and returns true, and return promises from sendMessage.

import { canHostShadow } from '../dom/tree';

interface MinimalRuntime {
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined): void;
  };
  sendMessage(message: unknown): Promise<unknown>;
}

function runtime(): MinimalRuntime {
  const g = globalThis as { browser?: { runtime: MinimalRuntime }; chrome?: { runtime: MinimalRuntime } };
  return (g.browser ?? g.chrome)!.runtime;
}

/** `handler` returns undefined for messages that are not its own, so other listeners may answer. */
export function listen(handler: (message: unknown) => Promise<unknown> | undefined): void {
  runtime().onMessage.addListener((message, _sender, sendResponse) => {
    const reply = handler(message);
    if (!reply) return false;
    reply.then(sendResponse, () => sendResponse({ ok: false, reason: 'Keyferry failed on this page.' }));
    return true;
  });
}

export function sendToBackground(message: unknown): Promise<unknown> {
  return runtime().sendMessage(message);
}

type OpenOrClosed = (el: HTMLElement) => ShadowRoot | null;

/**
 * Any element's shadow root, open or closed, through chrome.dom.openOrClosedShadowRoot where the
 * browser offers it. Looked up on first use: the first touch of `chrome.dom` builds its bindings,
 * a cost a page without shadow hosts should not pay.
 */
export function shadowRootReader(): (el: Element) => ShadowRoot | null {
  let open: OpenOrClosed | null | undefined;
  return (el) => {
    // Chrome throws for elements that cannot host a shadow root.
    if (!canHostShadow(el)) return null;
    if (open === undefined) open = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: OpenOrClosed } } }).chrome?.dom?.openOrClosedShadowRoot ?? null;
    if (!open) return el.shadowRoot;
    try {
      return open(el as HTMLElement);
    } catch {
      return el.shadowRoot;
    }
  };
}
