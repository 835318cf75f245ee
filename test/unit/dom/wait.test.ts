import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frameworksSettled, nextFrame, waitFor } from '@/lib/dom/wait';

/** Lets promise callbacks and MutationObserver deliveries run without moving fake time. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('waitFor', () => {
  it('returns the probe’s value at once when it is already there', async () => {
    const probe = vi.fn(() => 'ready');
    await expect(waitFor(document, probe, 1000)).resolves.toBe('ready');
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('with no time to wait, a falsy probe gives null at once', async () => {
    const probe = vi.fn(() => false as const);
    await expect(waitFor(document, probe, 0)).resolves.toBeNull();
    await expect(waitFor(document, probe, -5)).resolves.toBeNull();
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('sees a framework’s state update queued in a microtask just before it, without waiting for a DOM change', async () => {
    vi.useFakeTimers();
    let state: string | null = null;
    queueMicrotask(() => (state = 'rendered'));
    const result = waitFor(document, () => state, 1000);
    await settle();
    await expect(result).resolves.toBe('rendered');
  });

  it('resolves when a DOM change makes the probe true (real timers, a few ms)', async () => {
    const found = waitFor(document, () => document.getElementById('late'), 1000);
    const started = Date.now();
    setTimeout(() => {
      const el = document.createElement('div');
      el.id = 'late';
      document.body.append(el);
    }, 5);
    const el = await found;
    expect(el?.id).toBe('late');
    expect(Date.now() - started).toBeLessThan(90); // well before the 100 ms poll and the 1 s deadline
  });

  it('resolves on an attribute change too', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button id="sw" aria-checked="false"></button>';
    const sw = document.getElementById('sw')!;
    const result = waitFor(document, () => sw.getAttribute('aria-checked') === 'true', 1000);
    await settle();
    sw.setAttribute('aria-checked', 'true');
    await settle();
    await vi.advanceTimersByTimeAsync(0);
    await expect(result).resolves.toBe(true);
  });

  it('resolves null at the deadline, not before', async () => {
    vi.useFakeTimers();
    let done = false;
    const result = waitFor(document, () => false, 300).then((v) => {
      done = true;
      return v;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    await expect(result).resolves.toBeNull();
  });

  it('checks once more at the deadline', async () => {
    vi.useFakeTimers();
    let value: string | null = null;
    const result = waitFor(document, () => value, 50);
    await vi.advanceTimersByTimeAsync(49);
    value = 'just in time'; // no DOM change, and before the first 100 ms poll
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('just in time');
  });

  it('finds changes inside a shadow root, which a document observer does not report, by polling', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<x-host id="host"></x-host>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const result = waitFor(document, () => root.getElementById('inner'), 1000);
    await settle();
    root.innerHTML = '<p id="inner"></p>';
    await vi.advanceTimersByTimeAsync(100);
    await expect(result).resolves.toBe(root.getElementById('inner'));
  });

  it('after resolving, stops observing and clears its timers', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(() => document.getElementById('late'));
    const result = waitFor(document, probe, 1000);
    await settle();
    document.body.append(Object.assign(document.createElement('div'), { id: 'late' }));
    await settle();
    await vi.advanceTimersByTimeAsync(0);
    await expect(result).resolves.not.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    const calls = probe.mock.calls.length;
    document.body.append(document.createElement('span'));
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(calls);
  });

  it('after the deadline, stops observing and clears its timers', async () => {
    vi.useFakeTimers();
    const probe = vi.fn(() => false as const);
    const result = waitFor(document, probe, 200);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    const calls = probe.mock.calls.length;
    document.body.append(document.createElement('span'));
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(calls);
  });

  it('disconnects its MutationObserver', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    await waitFor(document, () => false, 10);
    expect(disconnect).toHaveBeenCalled();
  });

  it('a document without a window still waits, on the global timers', async () => {
    vi.useFakeTimers();
    const doc = document.implementation.createHTMLDocument('detached');
    expect(doc.defaultView).toBeNull();
    const result = waitFor(doc, () => doc.getElementById('x'), 500);
    await settle();
    doc.body.append(Object.assign(doc.createElement('i'), { id: 'x' }));
    await vi.advanceTimersByTimeAsync(100);
    await expect(result).resolves.toBe(doc.getElementById('x'));
  });
});

describe('nextFrame', () => {
  it('resolves on the next animation frame', async () => {
    let frame: FrameRequestCallback | undefined;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      frame = cb;
      return 1;
    });
    let done = false;
    void nextFrame(document).then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    frame!(0);
    await settle();
    expect(done).toBe(true);
  });

  it('resolves within 50 ms even when no frame comes (a background tab)', async () => {
    vi.useFakeTimers();
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    let done = false;
    void nextFrame(document).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('in a hidden document, does not ask for a frame and resolves after about one frame’s time', async () => {
    vi.useFakeTimers();
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    let done = false;
    void nextFrame(document).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(15);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(raf).not.toHaveBeenCalled();
  });

  it('a document without a window resolves on the global timer', async () => {
    vi.useFakeTimers();
    const doc = document.implementation.createHTMLDocument('detached');
    let done = false;
    void nextFrame(doc).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(16);
    expect(done).toBe(true);
  });
});

describe('frameworksSettled', () => {
  it('resolves after a framework’s chain of microtask flushes, without waiting for a task', async () => {
    const order: string[] = [];
    // A Lit-like update: a few promise turns deep.
    void Promise.resolve()
      .then(() => Promise.resolve())
      .then(() => order.push('framework flushed'));
    const task = setTimeout(() => order.push('page task'), 0);
    await frameworksSettled();
    order.push('settled');
    clearTimeout(task);
    expect(order).toEqual(['framework flushed', 'settled']);
  });
});
