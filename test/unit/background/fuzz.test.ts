// Message fuzzing (issue 8 §4): handleMessage gets random and malformed messages from random and
// hostile senders. It must never throw, must answer { ok: false, reason } to everything it should
// not act on, must change no state (IndexedDB vault, storage.local/session/sync, alarms), and must
// not let a message pollute Object.prototype.
//
// handlers.ts keeps module-level state (its IndexedDB connection and the unlocked session), so this
// file keeps the one fake-indexeddb factory from setup.ts and empties the vault's stores between
// tests instead of swapping factories: a new factory would leave handlers.ts writing to a database
// this file could no longer see.

import { readSettings, writeSettings } from '@/lib/background/settings-store';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { handleMessage, type Reply } from '@/lib/background/handlers';
import { InlineRequestSchema, PopupRequestSchema } from '@/lib/messages';
import { openVaultDb, type VaultDatabase } from '@/lib/vault/db';
import { readMeta } from '@/lib/vault/vault';

type Sender = Browser.runtime.MessageSender;

const RUNS = 200;
const PASSPHRASE = 'correct horse battery staple';
const HUGE = 100_000;

let db: VaultDatabase;
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  db = await openVaultDb();
});
afterAll(() => db.close());

async function emptyVault(): Promise<void> {
  const tx = db.transaction(['meta', 'records', 'quarantine'], 'readwrite');
  await Promise.all([tx.objectStore('meta').clear(), tx.objectStore('records').clear(), tx.objectStore('quarantine').clear(), tx.done]);
}

const runtimeId = () => fakeBrowser.runtime.id;
const extensionUrl = (path: string) => fakeBrowser.runtime.getURL(path as never);
const popupSender = (): Sender => ({ id: runtimeId(), url: extensionUrl('/popup.html') });

beforeEach(async () => {
  // setup.ts has already called fakeBrowser.reset(): storage and alarms are empty, so the
  // handlers' in-memory session (if a previous test left one) is dropped by a lock first.
  await handleMessage({ type: 'lock' }, popupSender());
  await emptyVault();
  await writeSettings({ edgeOrigins: [], maintenanceOrigins: [] });
});
afterEach(async () => {
  await handleMessage({ type: 'lock' }, popupSender());
  await emptyVault();
  await writeSettings({ edgeOrigins: [], maintenanceOrigins: [] });
});

// ---- state ----

interface Snapshot {
  meta: unknown;
  records: number;
  quarantine: number;
  local: unknown;
  settings: unknown;
  session: unknown;
  sync: unknown;
  alarms: string[];
}

async function snapshot(): Promise<Snapshot> {
  return {
    meta: (await readMeta(db)) ?? null,
    records: await db.count('records'),
    quarantine: await db.count('quarantine'),
    local: await fakeBrowser.storage.local.get(null),
    settings: await readSettings(),
    session: await fakeBrowser.storage.session.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
    alarms: (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort(),
  };
}

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'type', 'id', 'url', 'ok', 'isAdmin', 'passphrase', 'tabId']) expect(probe[key]).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

/** The reply a refused or invalid request gets: ok false, a reason, nothing else. */
function expectRefusal(reply: Reply): void {
  expect(reply).toBeTypeOf('object');
  expect(reply.ok).toBe(false);
  expect(typeof (reply as { reason?: unknown }).reason).toBe('string');
  expect(Object.keys(reply).sort()).toEqual(['ok', 'reason']);
}

/** Never throws, always an object with a boolean `ok`. */
async function ask(message: unknown, sender: unknown): Promise<Reply> {
  let reply: Reply | undefined;
  let threw: unknown = null;
  try {
    reply = await handleMessage(message, sender as Sender);
  } catch (error) {
    threw = error ?? 'thrown';
  }
  expect(threw).toBeNull();
  expect(reply).toBeTypeOf('object');
  expect(reply).not.toBeNull();
  expect(typeof reply!.ok).toBe('boolean');
  return reply!;
}

const isPopupRequest = (m: unknown) => PopupRequestSchema.safeParse(m).success;
const isInlineRequest = (m: unknown) => InlineRequestSchema.safeParse(m).success;

// ---- messages ----

/** The `type` literals of a zod discriminated union (zod internals; empty if they ever move). */
function schemaTypes(schema: unknown): string[] {
  type Literal = { _zod?: { def?: { values?: unknown[] } } };
  type Option = { _zod?: { def?: { shape?: { type?: Literal } } } };
  const options = (schema as { _zod?: { def?: { options?: Option[] } } })._zod?.def?.options ?? [];
  return options.flatMap((o) => o._zod?.def?.shape?.type?._zod?.def?.values ?? []).filter((v): v is string => typeof v === 'string');
}

const BASE_POPUP_TYPES = ['status', 'create', 'unlock', 'lock', 'capture', 'fill', 'transfer', 'reveal', 'select-tenant', 'export', 'import', 'change-passphrase'];
/** Every popup request type, including ones added after this file was written. */
const POPUP_TYPES = [...new Set([...BASE_POPUP_TYPES, ...schemaTypes(PopupRequestSchema)])];
const INLINE_TYPES = ['keyferry:inline-fill', 'keyferry:inline-eligible'] as const;
const CONTENT_TYPES = ['keyferry:detect', 'keyferry:read', 'keyferry:fill'] as const;

const huge = fc
  .tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: HUGE, max: HUGE + 64 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

/** Anything a structured clone (or worse) could carry. */
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
});

const randomType = fc.oneof(fc.string(), fc.constantFrom(...POPUP_TYPES, ...INLINE_TYPES, ...CONTENT_TYPES).map((t) => ` ${t}`), fc.constantFrom('STATUS', 'Lock', 'keyferry:inline-FILL', 'toString', 'constructor', '__proto__', 'hasOwnProperty'), huge);

/** Objects with a random (unknown) `type` and random extra fields. */
const randomTyped = fc
  .tuple(randomType, fc.dictionary(fc.string({ maxLength: 12 }), anything, { maxKeys: 4 }))
  .map(([type, extra]) => ({ ...extra, type }));

/** Values of the wrong type for a string field. */
const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }), huge);
/** Values that are not a valid tab id. */
const notATabId = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, '1', '0', true, [1], { id: 1 }),
  huge,
);
/** A string over `max` characters: valid type, invalid length. */
const tooLong = (max: number) => fc.oneof(fc.integer({ min: max + 1, max: max + 40 }).map((n) => 'x'.repeat(n)), huge);

/** Known popup types with a field of the wrong type (or missing, or too long). */
const knownWithWrongFields: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  notATabId.map((tabId) => ({ type: 'status', tabId })),
  fc.oneof(notAString, tooLong(1024)).map((passphrase) => ({ type: 'create', passphrase })),
  fc.constant({ type: 'create' }),
  fc.oneof(notAString, tooLong(1024)).map((passphrase) => ({ type: 'unlock', passphrase })),
  fc.constant({ type: 'unlock' }),
  fc.record({ type: fc.constant('capture'), tabId: notATabId, tenantName: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('capture'), tabId: fc.nat(), tenantName: fc.oneof(notAString, tooLong(500)) }),
  fc.record({ type: fc.constant('fill'), tabId: notATabId }),
  fc.record({ type: fc.constant('fill'), tabId: fc.nat(), tenantId: fc.oneof(notAString, tooLong(500)) }),
  fc.record({ type: fc.constant('fill'), tabId: fc.nat(), siteIdentifier: fc.oneof(notAString, tooLong(500)) }),
  fc.record({ type: fc.constant('transfer'), fromTabId: notATabId }),
  fc.record({ type: fc.constant('transfer'), fromTabId: fc.nat(), toTabId: notATabId }),
  fc.record({ type: fc.constant('reveal'), credentialId: fc.oneof(notAString, tooLong(500)), field: fc.constantFrom('apiToken', 'apiSecretKey') }),
  fc.record({ type: fc.constant('reveal'), credentialId: fc.uuid(), field: fc.oneof(notAString, tooLong(500)) }),
  fc.constant({ type: 'reveal' }),
  fc.record({ type: fc.constant('select-tenant'), tenantId: fc.oneof(notAString, tooLong(500)) }),
  fc.record({ type: fc.constant('import'), file: anything, passphrase: fc.oneof(notAString, tooLong(1024)) }),
  fc.record({ type: fc.constant('change-passphrase'), oldPassphrase: fc.oneof(notAString, tooLong(1024)), newPassphrase: fc.string() }),
  fc.record({ type: fc.constant('change-passphrase'), oldPassphrase: fc.string(), newPassphrase: fc.oneof(notAString, tooLong(1024)) }),
  fc.record({ type: fc.constant('keyferry:inline-fill'), kind: fc.oneof(fc.string(), fc.constantFrom('maintenance-api', 'EDGE-ACCOUNT', null, 1)) }),
);

/** Prototype-pollution payloads, built as JSON text so `__proto__` is an own key (as after structured clone). */
const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
const pollutionPayload = fc.constantFrom(
  '{"polluted":"yes"}',
  '{"type":"status"}',
  '{"isAdmin":true,"ok":true}',
  '{"id":"test-extension-id","url":"chrome-extension://test-extension-id/popup.html"}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
);
const pollutedMessage = fc
  .tuple(fc.option(fc.constantFrom(...POPUP_TYPES, ...INLINE_TYPES, 'nonsense'), { nil: undefined }), pollutionKey, pollutionPayload, fc.boolean())
  .map(([type, key, payload, nested]) => {
    const inner = `{"${key}":${payload}}`;
    const typePart = type === undefined ? '' : `"type":${JSON.stringify(type)},`;
    const text = nested ? `{${typePart}"passphrase":"x","file":${inner},"plan":${inner}}` : `{${typePart}"${key}":${payload}}`;
    return JSON.parse(text) as unknown;
  });

const anyMessage = fc.oneof(anything, randomTyped, knownWithWrongFields, pollutedMessage);

/** Requests that are valid in shape: what a popup would send. */
const validPopupRequest: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('status'), tabId: fc.option(fc.nat({ max: 50 }), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.constant({ type: 'create', passphrase: PASSPHRASE }),
  fc.constant({ type: 'unlock', passphrase: PASSPHRASE }),
  fc.constant({ type: 'lock' }),
  fc.record({ type: fc.constant('capture'), tabId: fc.nat({ max: 50 }) }),
  fc.record({ type: fc.constant('fill'), tabId: fc.nat({ max: 50 }) }),
  fc.record({ type: fc.constant('transfer'), fromTabId: fc.nat({ max: 50 }), toTabId: fc.nat({ max: 50 }) }),
  fc.record({ type: fc.constant('reveal'), credentialId: fc.uuid(), field: fc.constantFrom('apiToken', 'apiSecretKey', 'clientSecret', 'secret') }),
  fc.record({ type: fc.constant('select-tenant'), tenantId: fc.uuid() }),
  fc.constant({ type: 'export' }),
  fc.constant({ type: 'import', file: {}, passphrase: PASSPHRASE }),
  fc.constant({ type: 'change-passphrase', oldPassphrase: PASSPHRASE, newPassphrase: 'another passphrase 2' }),
);
/** Any popup type with plausible fields: valid or not, a hostile sender must get nowhere with it. */
const plausibleField = fc.oneof(
  fc.constant(PASSPHRASE),
  fc.nat({ max: 50 }),
  fc.boolean(),
  fc.uuid(),
  fc.constantFrom('edge', 'maintenance', 'https://evil.example', 'https://*', '<all_urls>', 'DELETE', 'delete', 'apiToken', 'secret', 'Unspecified'),
);
const plausibleKey = fc.constantFrom('tabId', 'fromTabId', 'toTabId', 'passphrase', 'oldPassphrase', 'newPassphrase', 'credentialId', 'field', 'tenantId', 'tenantName', 'siteIdentifier', 'origin', 'role', 'confirm', 'autoLockMinutes', 'saveAfterFill', 'file');
const plausiblePopupRequest = fc
  .tuple(fc.constantFrom(...POPUP_TYPES), fc.dictionary(plausibleKey, plausibleField, { maxKeys: 4 }))
  .map(([type, fields]) => ({ ...fields, type }));

const validInlineRequest = fc.oneof(
  fc.constant({ type: 'keyferry:inline-eligible' }),
  fc.constantFrom('edge-account', 'edge-facility').map((kind) => ({ type: 'keyferry:inline-fill', kind })),
);

// ---- senders ----

/** Anything but one of this extension's own pages. Built to be hostile, not filtered. */
function hostileSender(): fc.Arbitrary<unknown> {
  const id = runtimeId();
  const extPage = extensionUrl('/popup.html');
  const webUrl = fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      'https://evil.example/',
      `https://evil.example/${extPage}`,
      `https://evil.example/?u=${encodeURIComponent(extPage)}`,
      `chrome-extension://${id}.evil.example/popup.html`,
      `chrome-extension://${id}@evil.example/popup.html`,
      `chrome-extension://${id}`,
      `CHROME-EXTENSION://${id.toUpperCase()}/popup.html`,
      'chrome-extension://another-extension-id/popup.html',
      `moz-extension://${id}/popup.html`,
      'about:blank',
      'data:text/html,<script>1</script>',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ),
  );
  const tab = fc.option(fc.record({ id: fc.nat({ max: 50 }), url: fc.option(webUrl, { nil: undefined }) }, { requiredKeys: ['id'] }), { nil: undefined });
  const frameId = fc.option(fc.nat({ max: 5 }), { nil: undefined });
  return fc.oneof(
    // The content-script sender of the brief: right id, a web page, top frame.
    fc.constant({ id, tab: { id: 1 }, url: 'https://evil.example/', frameId: 0 }),
    // Missing or not an object at all.
    fc.constantFrom(undefined, null, {}, 'popup', 0, [] as unknown[]),
    // Another extension, even one claiming this extension's page.
    fc.record({ id: fc.constantFrom('another-extension-id', '', id.toUpperCase(), ` ${id}`, `${id} `), url: fc.oneof(webUrl, fc.constant(extPage)), tab, frameId }, { requiredKeys: [] }),
    // This extension's id, but a web page or no URL (a content script or something stranger).
    fc.record({ id: fc.constant(id), url: fc.option(webUrl, { nil: undefined }), tab, frameId, origin: fc.option(fc.constantFrom('https://evil.example', 'null'), { nil: undefined }) }, { requiredKeys: ['id'] }),
    // A web page with no id at all (what externally_connectable would deliver).
    fc.record({ url: webUrl, origin: fc.constant('https://evil.example'), tab, frameId }, { requiredKeys: ['url'] }),
    // A sender whose id and url are only own `__proto__` data, not real properties.
    fc.constant(JSON.parse(`{"__proto__":{"id":"${id}","url":"${extPage}"}}`) as unknown),
  );
}

function extensionSender(): fc.Arbitrary<Sender> {
  const id = runtimeId();
  return fc.oneof(
    fc.constant({ id, url: extensionUrl('/popup.html') }),
    fc.nat({ max: 50 }).map((tabId) => ({ id, url: extensionUrl(`/popup.html?tabId=${tabId}`), tab: { id: tabId } as Browser.tabs.Tab, frameId: 0 })),
  );
}

// ---- tests ----

describe('handleMessage under fuzzing', () => {
  it('the generators are what they claim: wrong-field messages are invalid, valid ones valid', () => {
    expect(schemaTypes(PopupRequestSchema)).toEqual(expect.arrayContaining(BASE_POPUP_TYPES));
    fc.assert(fc.property(knownWithWrongFields, (m) => !isPopupRequest(m) && !isInlineRequest(m)), { numRuns: RUNS });
    fc.assert(fc.property(validPopupRequest, isPopupRequest), { numRuns: 50 });
    fc.assert(fc.property(validInlineRequest, isInlineRequest), { numRuns: 10 });
  });

  it('refuses every message from every hostile sender, without throwing or changing state', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyMessage, validPopupRequest, plausiblePopupRequest, validInlineRequest), hostileSender(), async (message, sender) => {
        expectRefusal(await ask(message, sender));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses popup actions (status, create, unlock, reveal, export, …) from a content script', async () => {
    const before = await snapshot();
    const contentScript = { id: runtimeId(), tab: { id: 1 }, url: 'https://evil.example/', frameId: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(validPopupRequest, plausiblePopupRequest), async (message) => {
        expectRefusal(await ask(message, contentScript));
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('answers every invalid message from its own popup with ok:false and changes nothing', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(anyMessage, extensionSender(), async (message, sender) => {
        fc.pre(!isPopupRequest(message)); // a valid popup request is not the point here
        expectRefusal(await ask(message, sender));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('strips prototype-pollution keys from valid requests and pollutes nothing', async () => {
    for (const text of [
      '{"type":"lock","__proto__":{"polluted":"yes"}}',
      '{"type":"status","__proto__":{"tabId":-1,"polluted":"yes"}}',
      '{"type":"status","constructor":{"prototype":{"polluted":"yes"}}}',
    ]) {
      const reply = await ask(JSON.parse(text), popupSender());
      expect(reply.ok).toBe(true);
      expectNoPollution();
    }
    expect((await snapshot()).meta).toBeNull();
  });

  it('the inline channel answers only the top frame of a registered Edge origin, exactly matched', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example'] });
    const id = runtimeId();
    const eligible = { type: 'keyferry:inline-eligible' };
    // Positive control: the registered origin's top frame is eligible, so the refusals below mean something.
    expect((await ask(eligible, { id, tab: { id: 3 }, url: 'https://edge.example/account', frameId: 0 })).ok).toBe(true);

    const before = await snapshot();
    const lookAlike = fc.constantFrom(
      'http://edge.example/',
      'https://edge.example:8443/',
      'https://edge.example.evil.com/',
      'https://evil-edge.example/',
      'https://xedge.example/',
      'https://edge.exampl/',
      'https://sub.edge.example/',
      'https://edge.example@evil.example/',
      'https://evil.example/https://edge.example/',
      'wss://edge.example/',
    );
    await fc.assert(
      fc.asyncProperty(
        validInlineRequest,
        fc.oneof(
          lookAlike.map((url) => ({ id, tab: { id: 3 }, url, frameId: 0 })),
          fc.nat({ max: 1000 }).map((port) => ({ id, tab: { id: 3 }, url: `https://edge.example:${port === 443 ? 444 : port}/`, frameId: 0 })),
          fc.integer({ min: 1, max: 20 }).map((frameId) => ({ id, tab: { id: 3 }, url: 'https://edge.example/', frameId })),
          fc.constant({ id, url: 'https://edge.example/', frameId: 0 }), // no tab
          fc.constant({ id: 'another-extension-id', tab: { id: 3 }, url: 'https://edge.example/', frameId: 0 }),
        ),
        async (message, sender) => {
          expectRefusal(await ask(message, sender));
        },
      ),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('with a vault unlocked, a content script can neither read nor change it', async () => {
    // Positive control: the popup can create a vault, and that shows up in the snapshot.
    const empty = await snapshot();
    expect((await ask({ type: 'create', passphrase: PASSPHRASE }, popupSender())).ok).toBe(true);
    const unlocked = await snapshot();
    expect(unlocked.meta).not.toBeNull();
    expect(unlocked).not.toEqual(empty);

    await fc.assert(
      fc.asyncProperty(fc.oneof(validPopupRequest, plausiblePopupRequest, anyMessage, validInlineRequest), hostileSender(), async (message, sender) => {
        expectRefusal(await ask(message, sender));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(unlocked);

    // Well-formed popup requests that name nothing real, or carry a polluted export file, are
    // refused by the handlers themselves and change nothing either.
    for (const message of [
      { type: 'reveal', credentialId: crypto.randomUUID(), field: 'apiToken' },
      { type: 'reveal', credentialId: crypto.randomUUID(), field: '__proto__' },
      { type: 'select-tenant', tenantId: crypto.randomUUID() },
      { type: 'import', passphrase: PASSPHRASE, file: JSON.parse('{"format":"keyferry-vault","__proto__":{"polluted":"yes"},"records":[]}') },
      { type: 'import', passphrase: PASSPHRASE, file: JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') },
      { type: 'change-passphrase', oldPassphrase: 'not the passphrase', newPassphrase: 'another passphrase 2' },
    ]) {
      const reply = await ask(message, popupSender());
      expect(reply.ok, JSON.stringify(message)).toBe(false);
      expectNoPollution();
    }
    expect(await snapshot()).toEqual(unlocked);

    // Still unlocked: a hostile `lock` did not lock it either.
    const status = await ask({ type: 'status' }, popupSender());
    expect(status).toMatchObject({ ok: true, vault: 'unlocked' });
  }, 60_000);
});
