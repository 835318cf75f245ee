// The inline button talks to the background through lib/content/runtime.ts, which uses
// `globalThis.browser ?? globalThis.chrome`.runtime: `browser` is stubbed here with a recording
// sendMessage that plays the background.
//
// happy-dom events have no isTrusted at all (undefined), so every click a test dispatches is
// untrusted, as a page script's would be. To check that a person's click does reach the
// background, one test marks its click event trusted, as the browser does for real input.

import { afterEach, beforeEach, describe, expect, it, vi, type Mock, type MockInstance } from 'vitest';
import { mountInlineButton as mount } from '@/lib/content/inline-button';
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

/** Past the first look, which waits for a painted frame. */
const flush = async () => {
  await vi.advanceTimersByTimeAsync(20);
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function trustedKey(key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Counts reads of the body's `textContent` from now on (happy-dom's getter recurses into children). */
function textReads(): () => number {
  let owner: object | null = document.body;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'textContent')) owner = Object.getPrototypeOf(owner);
  const spy = vi.spyOn(owner as HTMLElement, 'textContent', 'get');
  spy.mockClear();
  return () => spy.mock.contexts.filter((el) => el === document.body).length;
}

function trustedClick(): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

// Every mount listens on the shared document until stopped: each test's mounts end with it.
const stops: (() => void)[] = [];
const mountInlineButton = (pageScope: PageScope) => {
  const button = mount(pageScope);
  stops.push(() => button.stop());
  return button;
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
  attachShadow = vi.spyOn(Element.prototype, 'attachShadow');
});

afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
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

  it('finds a section that renders after load at the next timed look, from the elements it adds', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<main><p role="progressbar">Loading…</p></main>';
    mountInlineButton(scope());
    await flush();
    expect(sendMessage).not.toHaveBeenCalled();
    document.querySelector('main')!.innerHTML = ACCOUNT;
    await vi.advanceTimersByTimeAsync(900);
    expect(hosts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(hosts()).toHaveLength(1);
  });

  it('does not read the page again while it only changes text or adds an element or two (a ticker, a toast)', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<main><h1>Dashboard</h1><output>tick 0</output></main>';
    const reads = textReads();
    mountInlineButton(scope());
    await flush();
    expect(reads()).toBe(1);
    for (let i = 1; i <= 300; i++) {
      document.querySelector('output')!.textContent = `tick ${i}`;
      if (i % 100 === 0) document.querySelector('main')!.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(reads()).toBe(1);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('a section shown without new elements (a panel unhidden) is found after the admin’s click', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = `<button>Show</button><div hidden id="panel">${ACCOUNT}</div>`;
    mountInlineButton(scope());
    await flush();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(hosts()).toHaveLength(0);
    document.getElementById('panel')!.hidden = false;
    document.querySelector('button')!.dispatchEvent(trustedClick());
    await vi.advanceTimersByTimeAsync(299);
    expect(sendMessage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(hosts()).toHaveLength(1);
  });

  it('a tab chosen by keyboard inside a web component is found after the key; typing is not a reason to look', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<edge-facility id="app"></edge-facility><input id="note">';
    const app = document.getElementById('app')!;
    const root = app.attachShadow({ mode: 'open' });
    root.innerHTML = '<h1>Facility Profile</h1><div role="tablist"><button role="tab">General</button><button role="tab">Misc Information</button></div><div id="tab"></div>';
    // Off the centre of the view: the first look's hit test does not reach it.
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.getElementById('note'));
    mountInlineButton(scope());
    await flush();
    await vi.advanceTimersByTimeAsync(31_000);
    root.getElementById('tab')!.innerHTML = FACILITY;
    const reads = textReads();
    document.getElementById('note')!.dispatchEvent(trustedKey('a'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reads()).toBe(0);
    root.querySelector('[role=tab]')!.dispatchEvent(trustedKey('ArrowRight'));
    await vi.advanceTimersByTimeAsync(300);
    await flush();
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
    expect(hosts()).toHaveLength(1);
  });

  it('with layout, a web component in the middle of the view is found by one hit test, without listing every element', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<main><edge-account-settings id="app"><span id="slotted">light</span></edge-account-settings></main>';
    const root = document.getElementById('app')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<section><h2>MaintenanceIntegration</h2><label for="a">Maintenance ID</label><input id="a"></section><slot></slot>`;
    const hit = vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.getElementById('slotted'));
    const listed = vi.spyOn(document.body, 'getElementsByTagName');
    mountInlineButton(scope());
    await flush();
    expect(hit).toHaveBeenCalledTimes(1);
    expect(listed).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(1);
  });

  it('with layout, a plain page in view costs one hit test and no listing', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = '<main><p id="p">Orders</p><x-chart></x-chart></main>';
    document.querySelector('x-chart')!.attachShadow({ mode: 'open' }).innerHTML = '<h2>MaintenanceIntegration</h2>';
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.getElementById('p'));
    const listed = vi.spyOn(document.body, 'getElementsByTagName');
    mountInlineButton(scope());
    await flush();
    expect(listed).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
  });

  it('started while the page is still loading (document_start), looks once it is parsed', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    mountInlineButton(scope());
    document.body.innerHTML = ACCOUNT;
    await flush();
    expect(sendMessage).not.toHaveBeenCalled();
    readyState.mockReturnValue('interactive');
    document.dispatchEvent(new Event('DOMContentLoaded'));
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

describe('looking again (the worker injects inline.js again when the address or title changes)', () => {
  it('keeps one button while the section stays, and asks the background only once', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = ACCOUNT;
    const button = mountInlineButton(scope());
    await flush();
    button.lookAgain();
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(sentTypes()).toEqual(['keyferry:inline-eligible']);
  });

  it('takes the button away with its section, and brings it back by the next section', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = ACCOUNT;
    const button = mountInlineButton(scope());
    await flush();
    expect(hosts()).toHaveLength(1);

    // A client-side route replaces the app's content; the button's host, appended to the body, stays.
    document.querySelectorAll('body > :not(keyferry-inline)').forEach((el) => el.remove());
    document.body.insertAdjacentHTML('afterbegin', '<h1>Dashboard</h1><p>Nothing to fill here.</p>');
    expect(hosts()).toHaveLength(1);
    button.lookAgain();
    await flush();
    expect(hosts()).toHaveLength(0);

    document.body.innerHTML = FACILITY;
    button.lookAgain();
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(sentTypes()).toEqual(['keyferry:inline-eligible', 'keyferry:inline-eligible']);
  });

  it('finds a section that appeared after the timed looks ended, without any new element count', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    document.body.innerHTML = ACCOUNT.replace('MaintenanceIntegration', 'Notifications');
    const button = mountInlineButton(scope());
    await vi.advanceTimersByTimeAsync(40_000);
    expect(hosts()).toHaveLength(0);
    // Same elements, new words: only a look prompted from outside sees it.
    const heading = Array.from(document.querySelectorAll('h1,h2,h3')).find((h) => h.textContent === 'Notifications')!;
    heading.textContent = 'MaintenanceIntegration';
    button.lookAgain();
    await flush();
    expect(hosts()).toHaveLength(1);
  });

  it('does nothing once stopped', async () => {
    background({ 'keyferry:inline-eligible': { ok: true } });
    const button = mountInlineButton(scope());
    button.stop();
    document.body.innerHTML = ACCOUNT;
    button.lookAgain();
    await flush();
    expect(hosts()).toHaveLength(0);
    expect(sentTypes()).toEqual([]);
  });
});
