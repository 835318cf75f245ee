// syncContentScripts: the inline-button script is registered on exactly the registered Edge origins
// the admin granted host access to, nowhere else. WXT's fakeBrowser implements neither `scripting`
// nor `permissions`: both are stubbed here with an in-memory registry and a set of granted patterns.
// Settings are the real settings store (fake-indexeddb); no managed policy (fakeBrowser's
// storage.managed is empty).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { syncContentScripts } from '@/lib/background/registration';
import { writeSettings } from '@/lib/background/settings-store';

interface Registered { id: string; js?: string[]; matches?: string[]; runAt?: string; allFrames?: boolean; persistAcrossSessions?: boolean }

const api = fakeBrowser as unknown as { scripting: Record<string, unknown>; permissions: Record<string, unknown> };
const originals = { scripting: { ...api.scripting }, permissions: { ...api.permissions } };

let registry: Map<string, Registered>;
let granted: Set<string>;
let calls: string[];
let containsThrows: boolean;
let listingFails: boolean;

beforeEach(async () => {
  registry = new Map();
  granted = new Set();
  calls = [];
  containsThrows = false;
  listingFails = false;
  api.permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => {
    if (containsThrows) throw new Error('Invalid url pattern');
    return origins.every((o) => granted.has(o));
  });
  api.scripting.getRegisteredContentScripts = vi.fn(async (filter?: { ids?: string[] }) => {
    if (listingFails) throw new Error('not supported');
    return [...registry.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
  });
  api.scripting.unregisterContentScripts = vi.fn(async ({ ids }: { ids: string[] }) => {
    calls.push(`unregister ${ids.join(',')}`);
    for (const id of ids) registry.delete(id);
  });
  api.scripting.registerContentScripts = vi.fn(async (scripts: Registered[]) => {
    for (const s of scripts) {
      calls.push(`register ${s.id}`);
      if (registry.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registry.set(s.id, s);
    }
  });
  await writeSettings({ edgeOrigins: [], maintenanceOrigins: [] });
});
afterEach(async () => {
  Object.assign(api.scripting, originals.scripting);
  Object.assign(api.permissions, originals.permissions);
  await writeSettings({ edgeOrigins: [], maintenanceOrigins: [] });
});

const only = () => [...registry.values()];

describe('syncContentScripts', () => {
  it('registers inline.js on each granted Edge origin, as an exact match pattern', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example.com', 'https://edge.example.com:8443', 'http://127.0.0.1:4173'] });
    granted = new Set(['https://edge.example.com/*', 'https://edge.example.com:8443/*', 'http://127.0.0.1:4173/*']);
    await syncContentScripts();
    expect(only()).toHaveLength(1);
    const script = only()[0]!;
    expect(script.js).toEqual(['inline.js']);
    expect(script.matches?.sort()).toEqual(['http://127.0.0.1:4173/*', 'https://edge.example.com/*', 'https://edge.example.com:8443/*']);
    expect(script.allFrames).toBe(false);
    // Chromium holds a page's load event for document_end and document_idle scripts (about 70 ms on
    // the bench's heavy page), not for document_start ones.
    expect(script.runAt).toBe('document_start');
  });

  it('leaves out an Edge origin the admin has not granted access to', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example.com', 'https://other-edge.example.com'] });
    granted = new Set(['https://edge.example.com/*']);
    await syncContentScripts();
    expect(only()[0]!.matches).toEqual(['https://edge.example.com/*']);
  });

  it('never registers on Maintenance origins, even granted ones', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example.com'], maintenanceOrigins: ['https://acme.titanmaintenance.com'] });
    granted = new Set(['https://edge.example.com/*', 'https://acme.titanmaintenance.com/*']);
    await syncContentScripts();
    expect(only().flatMap((s) => s.matches ?? [])).toEqual(['https://edge.example.com/*']);
  });

  it('registers each origin once, however it was written', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example.com', 'https://EDGE.example.com/', 'https://edge.example.com:443'] });
    granted = new Set(['https://edge.example.com/*']);
    await syncContentScripts();
    expect(only()[0]!.matches).toEqual(['https://edge.example.com/*']);
  });

  it('turns a port wildcard into the any-port pattern', async () => {
    await writeSettings({ edgeOrigins: ['http://127.0.0.1:*'] });
    granted = new Set(['http://127.0.0.1/*']);
    await syncContentScripts();
    expect(only()[0]!.matches).toEqual(['http://127.0.0.1/*']);
  });

  it('skips stored origins that are not origins at all', async () => {
    await writeSettings({ edgeOrigins: ['not an origin', 'ftp://edge.example.com', 'https://edge.example.com/path', 'https://edge.example.com'] });
    granted = new Set(['https://edge.example.com/*']);
    await syncContentScripts();
    expect(only()[0]!.matches).toEqual(['https://edge.example.com/*']);
    const asked = (api.permissions.contains as ReturnType<typeof vi.fn>).mock.calls.map((c) => (c[0] as { origins: string[] }).origins[0]);
    expect(asked).toEqual(['https://edge.example.com/*']);
  });

  it('replaces an earlier registration instead of adding a second one', async () => {
    registry.set('keyferry-inline', { id: 'keyferry-inline', js: ['inline.js'], matches: ['https://old-edge.example.com/*'] });
    await writeSettings({ edgeOrigins: ['https://edge.example.com'] });
    granted = new Set(['https://edge.example.com/*']);
    await syncContentScripts();
    expect(calls).toEqual(['unregister keyferry-inline', 'register keyferry-inline']);
    expect(only().map((s) => s.matches)).toEqual([['https://edge.example.com/*']]);
  });

  it('unregisters and registers nothing once no granted Edge origin is left', async () => {
    registry.set('keyferry-inline', { id: 'keyferry-inline', js: ['inline.js'], matches: ['https://edge.example.com/*'] });
    await writeSettings({ edgeOrigins: ['https://edge.example.com'] });
    await syncContentScripts();
    expect(calls).toEqual(['unregister keyferry-inline']);
    expect(only()).toEqual([]);
  });

  it('does nothing at all with no Edge origins and nothing registered', async () => {
    await syncContentScripts();
    expect(calls).toEqual([]);
  });

  it('treats a permission check that throws as not granted', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example.com'] });
    granted = new Set(['https://edge.example.com/*']);
    containsThrows = true;
    await syncContentScripts();
    expect(only()).toEqual([]);
  });

  it('still registers when the browser cannot list registered scripts', async () => {
    await writeSettings({ edgeOrigins: ['https://edge.example.com'] });
    granted = new Set(['https://edge.example.com/*']);
    listingFails = true;
    await syncContentScripts();
    expect(calls).toEqual(['register keyferry-inline']);
  });
});
