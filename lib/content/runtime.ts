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

/** chrome.dom.openOrClosedShadowRoot where the browser offers it. */
export function shadowRootReader(): ((el: Element) => ShadowRoot | null) | undefined {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } }).chrome?.dom;
  const open = dom?.openOrClosedShadowRoot;
  if (!open) return undefined;
  return (el) => {
    // Chrome throws for elements that cannot host a shadow root.
    if (!canHostShadow(el)) return null;
    try {
      return open(el as HTMLElement);
    } catch {
      return el.shadowRoot;
    }
  };
}
