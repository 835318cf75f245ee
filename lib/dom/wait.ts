// Bounded waiting for the page: every wait has a deadline, and observers are always disconnected.

/** Resolves with `probe()`'s first truthy result, re-checked on DOM changes, or null at the deadline. */
export function waitFor<T>(doc: Document, probe: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> {
  const first = probe();
  if (first) return Promise.resolve(first);
  if (timeoutMs <= 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const view = doc.defaultView ?? globalThis;
    let scheduled = false;
    const finish = (value: T | null) => {
      observer.disconnect();
      view.clearTimeout(timer);
      view.clearInterval(poll);
      resolve(value);
    };
    const check = () => {
      scheduled = false;
      const value = probe();
      if (value) finish(value);
    };
    const observer = new (view.MutationObserver ?? MutationObserver)(() => {
      if (scheduled) return;
      scheduled = true;
      view.setTimeout(check, 0);
    });
    observer.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    // Shadow roots do not report to a document observer: poll as well, gently.
    const poll = view.setInterval(check, 100);
    const timer = view.setTimeout(() => finish(probe() || null), timeoutMs);
  });
}

export function nextFrame(doc: Document): Promise<void> {
  const view = doc.defaultView;
  return new Promise((resolve) => {
    if (view?.requestAnimationFrame && doc.visibilityState !== 'hidden') {
      view.requestAnimationFrame(() => resolve());
      view.setTimeout(() => resolve(), 50);
    } else (view ?? globalThis).setTimeout(() => resolve(), 16);
  });
}
