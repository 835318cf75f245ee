import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCapture } from '@/lib/content/capture';
import { answerFill } from '@/lib/content/fill';
import { pageFailed, pageScope } from '@/lib/content/scope';
import type { PageScope } from '@/lib/pages/scope';
import { expectedFor, loadFixture } from '../fixtures';

const maintenance = expectedFor('maintenance');
const apiNative = maintenance['api-native.html']!.expected as { tenant: string; apiToken: string; apiSecretKey: string };

const scopeOf = (fixture: string): PageScope => ({ document: loadFixture(fixture), hostname: '127.0.0.1' });

const accountPlan = {
  kind: 'edge-account',
  maintenanceId: 'acme-fuels',
  maintenanceUser: 'Unspecified',
  clientSecret: 'tmsk_A8D3Yxcm2FZqHcKKg3d6DAMMn2dUrkUFM2qHJmbpAip',
  maintenancePassword: 'tmk_live_IvhnXqk7OEXxY2dGDZBMvQD',
  save: false,
} as const;

/** A scope whose page walk fails, with page text in the error a reply must not quote. */
const failingScope = (): PageScope => {
  document.body.innerHTML = '<div><p>MaintenanceIntegration</p></div>';
  return {
    document,
    hostname: 'localhost',
    walk: {
      shadowRootOf: () => {
        throw new TypeError('page says: tmk_live_SECRET');
      },
    },
  };
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('answerCapture (capture.js)', () => {
  it('answers keyferry:detect with the kinds, origin and title of the page', async () => {
    const reply = await answerCapture({ type: 'keyferry:detect' }, scopeOf('maintenance/api-native.html'));
    expect(reply).toEqual({ ok: true, value: { kinds: ['maintenance-api'], origin: 'http://127.0.0.1:4173', title: 'Account Settings - Titan Maintenance' } });
  });

  it('detects an Edge Account Settings page as edge-account, and an unrelated page as nothing', async () => {
    const edge = await answerCapture({ type: 'keyferry:detect' }, scopeOf('edge/account-native.html'));
    expect(edge).toMatchObject({ ok: true, value: { kinds: ['edge-account'] } });
    document.body.innerHTML = '<h1>Weather</h1><p>Sunny.</p>';
    const plain = await answerCapture({ type: 'keyferry:detect' }, { document, hostname: 'localhost' });
    expect(plain).toMatchObject({ ok: true, value: { kinds: [] } });
  });

  it('answers keyferry:read for the kind asked for', async () => {
    const reply = await answerCapture({ type: 'keyferry:read', kind: 'maintenance-api' }, scopeOf('maintenance/api-native.html'));
    expect(reply).toMatchObject({ ok: true, value: { kind: 'maintenance-api', apiToken: apiNative.apiToken, apiSecretKey: apiNative.apiSecretKey } });
  });

  it('answers keyferry:read without a kind with whatever the page is', async () => {
    const reply = await answerCapture({ type: 'keyferry:read' }, scopeOf('maintenance/sites-native.html'));
    const want = maintenance['sites-native.html']!.expected as { sites: { identifier: string }[] };
    expect(reply?.ok).toBe(true);
    const value = (reply as { value: { kind: string; sites: { identifier: string }[] } }).value;
    expect(value.kind).toBe('maintenance-sites');
    expect(value.sites.map((s) => s.identifier).sort()).toEqual(want.sites.map((s) => s.identifier).sort());
  });

  it('a read of a page that is not what was asked for is a clear failure, not a wrong read', async () => {
    const wrongKind = await answerCapture({ type: 'keyferry:read', kind: 'maintenance-sites' }, scopeOf('maintenance/api-native.html'));
    expect(wrongKind).toEqual({ ok: false, reason: expect.stringMatching(/does not recognise this page/) });
    const decoy = await answerCapture({ type: 'keyferry:read' }, scopeOf('maintenance/api-decoy.html'));
    expect(decoy).toEqual({ ok: false, reason: expect.stringMatching(/does not recognise this page/) });
  });

  it('edge-account is filled, never read', async () => {
    const reply = await answerCapture({ type: 'keyferry:read', kind: 'edge-account' }, scopeOf('edge/account-native.html'));
    expect(reply?.ok).toBe(false);
  });

  it('leaves fill requests and other extensions’ messages to other listeners', () => {
    const scope = scopeOf('maintenance/api-native.html');
    expect(answerCapture({ type: 'keyferry:fill', plan: accountPlan }, scope)).toBeUndefined();
    expect(answerCapture({ type: 'status' }, scope)).toBeUndefined();
    expect(answerCapture({ greeting: 'hello' }, scope)).toBeUndefined();
  });

  it.each([
    null,
    undefined,
    'keyferry:detect',
    42,
    [{ type: 'keyferry:detect' }],
    { type: 'keyferry:detect', extra: true },
    { type: 'keyferry:read', kind: 'everything' },
    { type: 'keyferry:read', kind: 7 },
    { type: 'keyferry:read', kind: 'maintenance-api', tabId: 3 },
    { type: 'KEYFERRY:DETECT' },
  ])('does not answer the malformed %j', (message) => {
    expect(answerCapture(message, scopeOf('maintenance/api-native.html'))).toBeUndefined();
  });

  it('a detect that fails on the page answers (a promise, no synchronous throw) with the error’s class only', async () => {
    const scope = failingScope();
    let answer: ReturnType<typeof answerCapture>;
    expect(() => {
      answer = answerCapture({ type: 'keyferry:detect' }, scope);
    }).not.toThrow();
    expect(answer!).toBeInstanceOf(Promise);
    const reply = await answer!;
    expect(reply).toEqual(pageFailed(new TypeError('x')));
    expect(JSON.stringify(reply)).not.toContain('SECRET');
  });

  it('a read that fails on the page answers with the error’s class only, never its text', async () => {
    const reply = await answerCapture({ type: 'keyferry:read' }, failingScope());
    expect(reply).toEqual({ ok: false, reason: expect.stringContaining('(TypeError)') });
    expect(JSON.stringify(reply)).not.toContain('SECRET');
  });
});

describe('answerFill (fill.js)', () => {
  it('fills the MaintenanceIntegration section with the crossed names and reports every field', async () => {
    const scope = scopeOf('edge/account-native.html');
    const reply = await answerFill({ type: 'keyferry:fill', plan: accountPlan }, scope);
    expect(reply?.ok).toBe(true);
    const fields = (reply as { value: { field: string; status: string }[] }).value;
    expect(Object.fromEntries(fields.map((f) => [f.field, f.status]))).toEqual({
      'Maintenance system dropdown': 'filled',
      'Enable Maintenance Integration': 'filled',
      'Allow Maintenance to Update Associated Activities': 'filled',
      'Maintenance ID': 'filled',
      'Maintenance User': 'filled',
      'Client Secret': 'filled',
      'Maintenance Password': 'filled',
    });
    const doc = scope.document;
    const value = (id: string) => (doc.getElementById(id) as HTMLInputElement).value;
    expect(value('mi-secret')).toBe(accountPlan.clientSecret);
    expect(value('mi-password')).toBe(accountPlan.maintenancePassword);
    expect(value('mi-id')).toBe('acme-fuels');
    expect(value('mi-user')).toBe('Unspecified');
    expect((doc.getElementById('mi-system') as HTMLSelectElement).value).toBe('1');
    // The look-alike sections stay untouched.
    expect(value('sso-client-secret')).toBe('');
    expect(value('fuel-client-secret')).toBe('');
    expect((doc.getElementById('fuel-enable') as HTMLInputElement).checked).toBe(false);
  });

  it('on a page without the section, answers with a clear reason after its bounded wait', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<h1>Account Settings</h1><section><h2>SSO Integration</h2><input></section>';
    const reply = answerFill({ type: 'keyferry:fill', plan: accountPlan }, { document, hostname: 'localhost' });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(reply).resolves.toEqual({ ok: false, reason: expect.stringMatching(/No visible MaintenanceIntegration section/) });
  });

  it('a facility plan on a page that is not a Facility Profile gets a clear reason', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<h1>Weather</h1>';
    const reply = answerFill({ type: 'keyferry:fill', plan: { kind: 'edge-facility', siteIdentifier: 'MS-0012', save: false } }, { document, hostname: 'localhost' });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(reply).resolves.toEqual({ ok: false, reason: expect.stringMatching(/not a Facility Profile/) });
  });

  it('leaves detect and read requests to capture.js', () => {
    const scope = scopeOf('edge/account-native.html');
    expect(answerFill({ type: 'keyferry:detect' }, scope)).toBeUndefined();
    expect(answerFill({ type: 'keyferry:read', kind: 'edge-facility' }, scope)).toBeUndefined();
  });

  it.each([
    null,
    { type: 'keyferry:fill' },
    { type: 'keyferry:fill', plan: null },
    { type: 'keyferry:fill', plan: { ...accountPlan, save: 'yes' } },
    { type: 'keyferry:fill', plan: { ...accountPlan, clientSecret: 12345 } },
    { type: 'keyferry:fill', plan: { ...accountPlan, maintenancePassword: undefined } },
    { type: 'keyferry:fill', plan: { ...accountPlan, clientSecret: 'x'.repeat(4097) } },
    { type: 'keyferry:fill', plan: { ...accountPlan, fillHidden: true } },
    { type: 'keyferry:fill', plan: { kind: 'edge-facility', save: false } },
    { type: 'keyferry:fill', plan: { kind: 'edge-facility', siteIdentifier: 'MS-1', save: false, maintenanceId: 'x' } },
    { type: 'keyferry:fill', plan: { ...accountPlan, kind: 'maintenance-api' } },
    { type: 'keyferry:fill', plan: accountPlan, tabId: 1 },
  ])('does not act on the malformed %j', (message) => {
    const scope = scopeOf('edge/account-native.html');
    expect(answerFill(message, scope)).toBeUndefined();
    expect((scope.document.getElementById('mi-secret') as HTMLInputElement).value).toBe('');
  });

  it('a fill that fails on the page answers with the error’s class only', async () => {
    const reply = await answerFill({ type: 'keyferry:fill', plan: accountPlan }, failingScope());
    expect(reply).toEqual({ ok: false, reason: expect.stringContaining('(TypeError)') });
    expect(JSON.stringify(reply)).not.toContain('SECRET');
  });
});

describe('scope', () => {
  it('pageFailed names the error class, not the message; anything else is an unknown error', () => {
    expect(pageFailed(new RangeError('Site MS-0012 secret'))).toEqual({
      ok: false,
      reason: 'Keyferry hit an unexpected page structure here (RangeError); nothing more was done.',
    });
    expect(pageFailed('a string with page text').reason).toContain('(unknown error)');
    expect(pageFailed(undefined).reason).toContain('(unknown error)');
    expect(pageFailed('a string with page text').reason).not.toContain('page text');
  });

  it('pageScope is the current document and host, with open shadow roots only when the browser offers no more', () => {
    vi.stubGlobal('chrome', {});
    const scope = pageScope();
    expect(scope.document).toBe(document);
    expect(scope.hostname).toBe(location.hostname);
    document.body.innerHTML = '<edge-form id="open"></edge-form><edge-form id="closed"></edge-form>';
    const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
    document.getElementById('closed')!.attachShadow({ mode: 'closed' });
    expect(scope.walk!.shadowRootOf!(document.getElementById('open')!)).toBe(open);
    expect(scope.walk!.shadowRootOf!(document.getElementById('closed')!)).toBeNull();
  });

  it('pageScope looks chrome.dom up only when a shadow root is first asked for', () => {
    const dom = vi.fn(() => ({ openOrClosedShadowRoot: () => null }));
    vi.stubGlobal('chrome', Object.defineProperty({}, 'dom', { get: dom }));
    const scope = pageScope();
    expect(dom).not.toHaveBeenCalled();
    document.body.innerHTML = '<edge-form id="host"></edge-form>';
    scope.walk!.shadowRootOf!(document.getElementById('host')!);
    scope.walk!.shadowRootOf!(document.getElementById('host')!);
    expect(dom).toHaveBeenCalledTimes(1);
  });

  it('pageScope reads closed shadow roots through chrome.dom.openOrClosedShadowRoot, only on elements that can host one', async () => {
    document.body.innerHTML = '<edge-form id="host"></edge-form><input id="plain">';
    const host = document.getElementById('host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<h2>MaintenanceIntegration</h2>';
    const asked: string[] = [];
    const openOrClosedShadowRoot = (el: HTMLElement) => {
      asked.push(el.localName);
      if (el.localName === 'input') throw new Error('Chrome throws for elements that cannot host a shadow root');
      return el === host ? closed : el.shadowRoot;
    };
    vi.stubGlobal('chrome', { dom: { openOrClosedShadowRoot } });
    const scope = pageScope();
    const shadowRootOf = scope.walk!.shadowRootOf!;
    expect(shadowRootOf(host)).toBe(closed);
    expect(shadowRootOf(document.getElementById('plain')!)).toBeNull();
    expect(asked).toEqual(['edge-form']);
    const detected = await answerCapture({ type: 'keyferry:detect' }, { ...scope, hostname: 'localhost' });
    expect(detected?.ok).toBe(true);
  });

  it('falls back to the open shadow root when chrome.dom throws', () => {
    document.body.innerHTML = '<edge-form id="host"></edge-form>';
    const host = document.getElementById('host')!;
    const open = host.attachShadow({ mode: 'open' });
    vi.stubGlobal('chrome', {
      dom: {
        openOrClosedShadowRoot: () => {
          throw new Error('not allowed');
        },
      },
    });
    expect(pageScope().walk!.shadowRootOf!(host)).toBe(open);
  });
});
