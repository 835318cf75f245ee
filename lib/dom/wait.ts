// Bounded waiting for the page: every wait has a deadline, and observers are always disconnected.

/** Resolves with `probe()`'s first truthy result, re-checked on DOM changes, or null at the deadline. */
export async function waitFor<T>(doc: Document, probe: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> {
  const first = probe();
  if (first) return first;
  if (timeoutMs <= 0) return null;
  // Frameworks (React, Vue) flush an event's state update in a microtask queued before this one.
  await Promise.resolve();
  const settled = probe();
  if (settled) return settled;
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
      void nextTask().then(check);
    });
    observer.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    // Shadow roots do not report to a document observer: poll as well, gently.
    const poll = view.setInterval(check, 100);
    const timer = view.setTimeout(() => finish(probe() || null), timeoutMs);
  });
}

/**
 * Yields to the page for one task, so its framework can finish rendering. A MessageChannel task,
 * not setTimeout: browsers throttle timers in background tabs to one a second, and Transfer to
 * Edge fills a tab the admin is not looking at.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// Deeper than any framework's own chain of flushes (Lit's update takes a few promise turns).
const MICROTASK_TURNS = 8;

/**
 * Resolves once what the page's frameworks queued in answer to our events has run: React renders
 * a discrete event (input, change, click, focus) before dispatchEvent returns; Vue, Lit and Svelte
 * flush in microtasks. Unlike yielding a task, this does not wait behind the page's unrelated
 * scheduled work, which is where most of a fill's time went.
 */
export async function frameworksSettled(): Promise<void> {
  for (let turn = 0; turn < MICROTASK_TURNS; turn++) await Promise.resolve();
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
