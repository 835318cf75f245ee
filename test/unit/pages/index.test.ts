// readPage / detect: recognise the page and read what it offers, checked against every static
// fixture's expected.json (pages that need their script to render are covered by the e2e suite).

import { afterEach, describe, expect, it } from 'vitest';
import type { PageRead } from '@/lib/messages';
import { PAGE_KINDS } from '@/lib/page-kinds';
import { detect, detectKinds, readPage, type PageScope } from '@/lib/pages';
import { deepElements } from '@/lib/dom/tree';
import { expectedFor, loadFixture } from '../fixtures';
import { loadLiveFixture, type LivePage } from './live-fixture';

type Entry = { kind: string; expected: Record<string, unknown>; needsScript?: boolean };

// expected.json names the API Keys kind "apikeys"; every other kind is a PageKind already.
const KIND_OF: Record<string, string> = { apikeys: 'api-keys' };
const staticPages: [string, Entry][] = (['maintenance', 'timus', 'apikeys'] as const).flatMap((dir) =>
  Object.entries(expectedFor(dir))
    .filter(([, e]) => !e.needsScript)
    .map(([file, e]): [string, Entry] => [`${dir}/${file}`, e]),
);
const scopeOf = (file: string): PageScope => ({ document: loadFixture(file), hostname: '127.0.0.1' });

interface SiteWant { name: string; identifier: string; address?: string; city?: string }
interface CardWant { title: string; clientId: string; clientSecret?: string; applicationType: string; expiration: { text: string } }
interface KeyWant { title: string; description?: string; role: string; lastLogin: { text: string } }

/** Compares a read with the fixture's expected.json entry (its README says how to read it). */
function expectMatches(read: PageRead, want: Record<string, unknown>): void {
  switch (read.kind) {
    case 'maintenance-api': {
      const error = want.error as { fields: string[]; messagePattern: string } | undefined;
      if (error) {
        expect(read.apiToken).toBeNull();
        expect(read.apiSecretKey).toBeNull();
        for (const field of error.fields) {
          const problem = read.problems.find((p) => p.includes(field));
          expect(problem, field).toMatch(new RegExp(error.messagePattern, 'i'));
        }
      } else {
        expect(read.apiToken).toBe(want.apiToken);
        expect(read.apiSecretKey).toBe(want.apiSecretKey);
        expect(read.tenant?.name).toBe(want.tenant);
      }
      return;
    }
    case 'maintenance-sites': {
      const sites = want.sites as SiteWant[];
      expect(read.tenant?.name).toBe(want.tenant);
      const byId = new Map(read.sites.map((s) => [s.identifier, s]));
      expect([...byId.keys()].sort()).toEqual(sites.map((s) => s.identifier).sort());
      for (const site of sites) expect(byId.get(site.identifier)).toEqual(site);
      const problems = (want.problems as { identifier: string; problem: string }[]) ?? [];
      for (const p of problems.filter((p) => p.problem === 'duplicate-identifier')) expect(byId.has(p.identifier)).toBe(false);
      return;
    }
    case 'timus-api-access': {
      const records = want.records as CardWant[];
      expect(read.cards.map((c) => c.title)).toEqual(records.map((r) => r.title));
      read.cards.forEach((c, i) => {
        const r = records[i]!;
        expect(c.clientId).toBe(r.clientId);
        expect(c.clientSecret).toBe(r.clientSecret ?? null);
        expect(c.applicationType).toBe(r.applicationType);
        expect(c.expiration).toBe(r.expiration.text);
      });
      return;
    }
    case 'api-keys': {
      const keys = want.keys as KeyWant[];
      expect(read.keys.map((k) => k.name)).toEqual(keys.map((k) => k.title));
      read.keys.forEach((k, i) => {
        expect(k.role).toBe(keys[i]!.role);
        expect(k.description).toBe(keys[i]!.description ?? null);
        expect(k.lastLogin).toBe(keys[i]!.lastLogin.text);
      });
      expect(read.sharedSecret).toBe(want.sharedSecret ?? null);
      return;
    }
    default:
      throw new Error(`unexpected read kind ${read.kind}`);
  }
}

describe('readPage on every static fixture', () => {
  it('covers the static pages of all three fixture sets', () => {
    const files = staticPages.map(([f]) => f);
    expect(files).toEqual(expect.arrayContaining(['maintenance/api-decoy.html', 'maintenance/sites-native.html', 'timus/api-access-cards.html', 'apikeys/apikeys-table.html']));
  });

  it.each(staticPages)('%s', async (file, entry) => {
    const outcome = await readPage(scopeOf(file));
    if (entry.kind === 'none') {
      expect(outcome.ok).toBe(false);
      return;
    }
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.read.kind).toBe(KIND_OF[entry.kind] ?? entry.kind);
    expectMatches(outcome.read, entry.expected);
  });

  it.each(staticPages.filter(([, e]) => e.kind !== 'none'))('%s, asked for its own kind', async (file, entry) => {
    const kind = (KIND_OF[entry.kind] ?? entry.kind) as (typeof PAGE_KINDS)[number];
    const outcome = await readPage(scopeOf(file), kind);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expectMatches(outcome.read, entry.expected);
  });
});

describe('the knowledge-base decoy (maintenance/api-decoy.html)', () => {
  it('is not recognised as credentials, even when asked for the API tab', async () => {
    const unasked = await readPage(scopeOf('maintenance/api-decoy.html'));
    expect(unasked.ok).toBe(false);
    if (!unasked.ok) expect(unasked.reason).toMatch(/does not recognise this page/);
    expect((await readPage(scopeOf('maintenance/api-decoy.html'), 'maintenance-api')).ok).toBe(false);
  });

  it('is detected as no kind at all', () => {
    expect(detect(scopeOf('maintenance/api-decoy.html')).kinds).toEqual([]);
  });
});

describe('readPage with bad input', () => {
  it('refuses an empty page and a document without a body', async () => {
    document.body.innerHTML = '';
    expect((await readPage({ document, hostname: 'acme.titanmaintenance.com' })).ok).toBe(false);
    const doc = document.implementation.createHTMLDocument('x');
    doc.documentElement.removeChild(doc.body);
    expect((await readPage({ document: doc, hostname: 'h' })).ok).toBe(false);
  });

  it('refuses when asked for a kind the page is not', async () => {
    expect((await readPage(scopeOf('maintenance/api-native.html'), 'maintenance-sites')).ok).toBe(false);
    expect((await readPage(scopeOf('maintenance/sites-native.html'), 'maintenance-api')).ok).toBe(false);
    expect((await readPage(scopeOf('timus/api-access-cards.html'), 'api-keys')).ok).toBe(false);
  });

  it('never reads an Edge Account Settings page (it is filled, not captured)', async () => {
    expect((await readPage(scopeOf('edge/account-native.html'), 'edge-account')).ok).toBe(false);
    expect((await readPage(scopeOf('edge/account-native.html'))).ok).toBe(false);
  });
});

describe('detect', () => {
  it('names each static fixture’s kind, with origin and title', () => {
    for (const [file, entry] of staticPages.filter(([, e]) => e.kind !== 'none')) {
      const scope = scopeOf(file);
      const detection = detect(scope);
      expect(detection.kinds, file).toContain(KIND_OF[entry.kind] ?? entry.kind);
      expect(detection.origin).toBe('http://127.0.0.1:4173');
      expect(detection.title).toBe(scope.document.title);
    }
  });

  it('tells the Edge pages apart', () => {
    expect(detect(scopeOf('edge/account-native.html')).kinds).toEqual(['edge-account']);
    expect(detect(scopeOf('edge/facility-native.html')).kinds).toEqual(['edge-facility']);
  });

  it('finds nothing on an empty page', () => {
    document.body.innerHTML = '<p>Hello</p>';
    expect(detectKinds(deepElements(document.body), 'acme.titanmaintenance.com')).toEqual([]);
    expect(detectKinds([], '')).toEqual([]);
  });

  it('cuts a very long title to 200 characters', () => {
    document.title = 'T'.repeat(1000);
    document.body.innerHTML = '';
    expect(detect({ document, hostname: 'h' }).title).toHaveLength(200);
  });
});

describe('readPage on the Facility Profile', () => {
  let page: LivePage | null = null;
  afterEach(async () => {
    await page?.close();
    page = null;
  });

  it('reads the facility facility-native.html shows (its script run)', async () => {
    page = loadLiveFixture('edge/facility-native.html');
    const outcome = await readPage({ document: page.document, hostname: '127.0.0.1' });
    expect(outcome).toEqual({
      ok: true,
      read: { kind: 'edge-facility', facilityName: 'Maple Street #12', address: '12 Maple St, Springfield', problems: [] },
    });
  });
});
