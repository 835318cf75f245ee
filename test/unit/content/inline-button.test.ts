// The inline button talks to the background through lib/content/runtime.ts, which uses
// `globalThis.browser ?? globalThis.chrome`.runtime: `browser` is stubbed here with a recording
// sendMessage that plays the background.
//
// happy-dom events have no isTrusted at all (undefined), so every click a test dispatches is
// untrusted, as a page script's would be. To check that a person's click does reach the
// background, one test marks its click event trusted, as the browser does for real input.

import { afterEach, beforeEach, describe, expect, it, vi, type Mock, type MockInstance } from 'vitest';
import { mountInlineButton } from '@/lib/content/inline-button';
import type { PageScope } from '@/lib/pages/scope';
import { loadFixture } from '../fixtures';

type Reply = unknown | ((message: { type: string }) => unknown);
let sendMessage: Mock<(message: unknown) => Promise<unknown>>;
let attachShadow: MockInstance<(this: Element, init: ShadowRootInit) => ShadowRoot>;

/** Stubs the background: `replies` answers by message type (a value, or a function of the message). */
function background(replies: Record<string, Reply>) {
  sendMessage = vi.fn(async (message: unknown) => {
    const type = (message as { type: string }).type;
    const reply = replies[type];
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? (reply as (m: unknown) => unknown)(message) : reply;
  });
  vi.stubGlobal('browser', { runtime: { sendMessage, onMessage: { addListener: vi.fn() } } });
}

const sentTypes = () => sendMessage.mock.calls.map(([m]) => (m as { type: string }).type);
const scope = (): PageScope => ({ document, hostname: 'localhost' });
const hosts = () => document.querySelectorAll('keyferry-inline');

/** The button's closed shadow root, as attachShadow returned it to the module. */
function buttonRoot(): ShadowRoot {
  const host = hosts()[0]!;
  const call = attachShadow.mock.contexts.indexOf(host);
  return attachShadow.mock.results[call]!.value as ShadowRoot;
}

/** The fixture page's markup, without its scripts. */
function fixtureBody(file: string): string {
  const body = loadFixture(file).body;
  body.querySelectorAll('script').forEach((s) => s.remove());
  return body.innerHTML;
}

const ACCOUNT = fixtureBody('edge/account-native.html');
const FACILITY = `<h1>Facility Profile</h1><section><h2>Data Vendor Mapping</h2>
  <table><tr><th>Vendor</th><th>Facility</th></tr><tr><td>Titan Maintenance Facility</td><td><input aria-label="Titan Maintenance Facility"></td></tr></table></section>`;

const flush = async () => {
  await vi.advanceTimersByTimeAsync(0);
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function trustedClick(): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
  attachShadow = vi.spyOn(Element.prototype, 'attachShadow');
});

afterEach(async () => {
  // Let every mount's 30 s watch end so no observer outlives its test.
  await vi.advanceTimersByTimeAsync(31_000);
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('on a page without an Edge section', () => {
  it('mounts nothing and never asks the background', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<h1>Weather</h1><p>Sunny, 21 °C.</p><input aria-label="City">';
    mountInlineButton(scope());
    await flush();
    // The page keeps changing while it is watched.
    for (let i = 0; i < 5; i++) {
      document.body.append(Object.assign(document.createElement('p'), { textContent: `update ${i}` }));
      await vi.advanceTimersByTimeAsync(1_500);
    }
    await vi.advanceTimersByTimeAsync(30_000);
    expect(hosts()).toHaveLength(0);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('a page that only mentions the words (no section heading) mounts nothing', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<h1>Help</h1><p>To set up the Maintenance Integration, open Account Settings.</p>';
    mountInlineButton(scope());
    await flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(hosts()).toHaveLength(0);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('an empty page (no body) is harmless', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.removeChild(doc.body);
    expect(() => mountInlineButton({ document: doc, hostname: 'localhost' })).not.toThrow();
    await flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});

describe('on an Edge Account Settings page with a MaintenanceIntegration section', () => {
  it('asks the background whether it is eligible and mounts one button in a closed shadow root', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = ACCOUNT;
    mountInlineButton(scope());
    await flush();
    expect(sendMessage.mock.calls).toEqual([[{ type: 'keyferry:inline-eligible' }]]);
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0]!;
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBeNull();
    const root = buttonRoot();
    expect(root.mode).toBe('closed');
    expect(root.querySelector('button')?.textContent).toBe('Fill with Keyferry');
    expect(root.querySelector('[role=status]')?.textContent).toBe('');
    // Mounted once: later page changes do not add more buttons or questions.
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(hosts()).toHaveLength(1);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('mounts nothing when the background says the page is not eligible', async () => {
    background({ 'keyferry:inline-eligible': { ok: false, reason: 'not a registered Edge origin' } });
    document.body.innerHTML = ACCOUNT;
    mountInlineButton(scope());
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(hosts()).toHaveLength(0);
  });

  it('mounts nothing, without throwing, when the background does not answer', async () => {
    background({ 'keyferry:inline-eligible': new Error('Could not establish connection. Receiving end does not exist.') });
    document.body.innerHTML = ACCOUNT;
    mountInlineButton(scope());
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(hosts()).toHaveLength(0);
  });

  it('finds a section that renders after load, on the next scan after the change', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<main><p role="progressbar">Loading…</p></main>';
    mountInlineButton(scope());
    await flush();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sendMessage).not.toHaveBeenCalled();
    document.querySelector('main')!.innerHTML = ACCOUNT;
    await vi.advanceTimersByTimeAsync(999);
    expect(hosts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(hosts()).toHaveLength(1);
  });

  it('stops watching after 30 s: a section that appears later gets no button', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<main></main>';
    mountInlineButton(scope());
    await flush();
    await vi.advanceTimersByTimeAsync(30_000);
    document.querySelector('main')!.innerHTML = ACCOUNT;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
  });

  it('finds a section kept in a web component’s open shadow root', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<edge-account-settings id="app"></edge-account-settings>';
    const root = document.getElementById('app')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<section><h2>MaintenanceIntegration</h2><label for="a">Maintenance ID</label><input id="a"></section>`;
    mountInlineButton(scope());
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(hosts()).toHaveLength(1);
  });

  it('finds a section in a closed shadow root when the scope can read closed roots', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<edge-account-settings id="app"></edge-account-settings>';
    const app = document.getElementById('app')!;
    const closed = app.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<section><h2>MaintenanceIntegration</h2><label for="a">Maintenance ID</label><input id="a"></section>`;
    const shadowRootOf = (el: Element) => (el === app ? closed : el.shadowRoot);
    mountInlineButton({ document, hostname: 'localhost', walk: { shadowRootOf } });
    await flush();
    expect(hosts()).toHaveLength(1);
  });
});

describe('clicking the button', () => {
  async function mounted(html: string, fillReply: Reply) {
    background({ 'keyferry:inline-eligible': { ok: true }, 'keyferry:inline-fill': fillReply });
    document.body.innerHTML = html;
    mountInlineButton(scope());
    await flush();
    const root = buttonRoot();
    return { button: root.querySelector('button')!, status: root.querySelector('[role=status]')! };
  }

  it('an untrusted (script-dispatched) click does nothing', async () => {
    const { button, status } = await mounted(ACCOUNT, { ok: true, message: 'Filled.' });
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(status.textContent).toBe('');
  });

  it('a trusted click asks the background to fill this kind of page and shows its answer', async () => {
    let answer!: (reply: unknown) => void;
    const { button, status } = await mounted(ACCOUNT, () => new Promise((resolve) => (answer = resolve)));
    button.dispatchEvent(trustedClick());
    await flush();
    expect(sendMessage.mock.calls[1]).toEqual([{ type: 'keyferry:inline-fill', kind: 'edge-account' }]);
    expect(status.textContent).toBe('Filling…');
    answer({ ok: true, message: 'Filled 7 fields.' });
    await flush();
    expect(status.textContent).toBe('Filled 7 fields.');
  });

  it('on a Facility Profile, the fill asked for is edge-facility', async () => {
    const { button } = await mounted(FACILITY, { ok: true });
    button.dispatchEvent(trustedClick());
    await flush();
    expect(sendMessage.mock.calls[1]).toEqual([{ type: 'keyferry:inline-fill', kind: 'edge-facility' }]);
  });

  it('shows the background’s reason when it refuses', async () => {
    const { button, status } = await mounted(ACCOUNT, { ok: false, reason: 'Unlock Keyferry first.' });
    button.dispatchEvent(trustedClick());
    await flush();
    expect(status.textContent).toBe('Unlock Keyferry first.');
  });

  it('says so when the background does not answer', async () => {
    const { button, status } = await mounted(ACCOUNT, new Error('Extension context invalidated.'));
    button.dispatchEvent(trustedClick());
    await flush();
    expect(status.textContent).toBe('Keyferry did not answer: reload the page and try again.');
  });
});
