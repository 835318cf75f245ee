import { afterEach, describe, expect, it } from 'vitest';
import { openVaultDb, type VaultDatabase } from '@/lib/vault/db';
import { newDataKey } from '@/lib/vault/crypto';
import {
  mergeSites,
  openSession,
  recordsOf,
  siteListOf,
  storeApiCapture,
  storeMapping,
  storeSitesCapture,
  tenantByName,
  titanCredentialOf,
  type VaultSession,
} from '@/lib/vault/service';
import type { Site } from '@/lib/vault/records';
import type { MaintenanceApiRead, SitesRead } from '@/lib/messages';

let counter = 0;
const opened: VaultDatabase[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function freshSession(label: string): Promise<{ session: VaultSession; db: VaultDatabase; key: CryptoKey }> {
  const db = await openVaultDb(`keyferry-service-${label}-${Date.now()}-${counter++}`);
  opened.push(db);
  const key = await newDataKey();
  return { session: await openSession(db, key), db, key };
}

const ORIGIN = 'https://maint.example.com';
function apiRead(apiToken: string | null, apiSecretKey: string | null, problems: string[] = []): MaintenanceApiRead {
  return { kind: 'maintenance-api', tenant: { name: 'Acme', source: 'page' }, apiToken, apiSecretKey, problems };
}
function sitesRead(sites: Site[]): SitesRead {
  return { kind: 'maintenance-sites', tenant: { name: 'Acme', source: 'page' }, sites, rowsSeen: sites.length, problems: [] };
}
function site(identifier: string, name = `Site ${identifier}`, extra: Partial<Site> = {}): Site {
  return { name, identifier, ...extra };
}

describe('mergeSites', () => {
  it('counts new, updated and unchanged by Site Identifier', () => {
    const existing = [site('A', 'Alpha'), site('B', 'Bravo', { city: 'Oslo' }), site('C', 'Charlie')];
    const incoming = [site('A', 'Alpha'), site('B', 'Bravo', { city: 'Bergen' }), site('D', 'Delta'), site('E', 'Echo')];
    const merge = mergeSites(existing, incoming);
    expect({ added: merge.added, updated: merge.updated, unchanged: merge.unchanged }).toEqual({ added: 2, updated: 1, unchanged: 1 });
    expect(merge.sites.map((s) => s.identifier).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(merge.sites.find((s) => s.identifier === 'B')?.city).toBe('Bergen');
    expect(merge.sites.find((s) => s.identifier === 'C')?.name).toBe('Charlie');
  });

  it('a name change counts as updated; nothing incoming changes nothing', () => {
    const merge = mergeSites([site('A', 'Alpha')], [site('A', 'Alpha 2')]);
    expect([merge.added, merge.updated, merge.unchanged]).toEqual([0, 1, 0]);
    expect(merge.sites).toEqual([site('A', 'Alpha 2')]);
    const none = mergeSites([site('A')], []);
    expect([none.added, none.updated, none.unchanged]).toEqual([0, 0, 0]);
    expect(none.sites).toEqual([site('A')]);
  });

  it('into an empty list everything is new', () => {
    const merge = mergeSites([], [site('A'), site('B')]);
    expect([merge.added, merge.updated, merge.unchanged]).toEqual([2, 0, 0]);
  });
});

describe('storeApiCapture', () => {
  it('creates a tenant and credential, and writes an audit entry with no secret value', async () => {
    const { session, db, key } = await freshSession('api');
    const result = await storeApiCapture(session, apiRead('TOKEN-aaaa-1111', 'SECRET-bbbb-2222'), 'Acme', ORIGIN, 100);
    expect(result.ok).toBe(true);
    const tenants = recordsOf(session, 'tenant');
    expect(tenants).toHaveLength(1);
    expect(tenants[0]!.name).toBe('Acme');
    const cred = titanCredentialOf(session, tenants[0]!.id);
    expect(cred?.apiToken).toBe('TOKEN-aaaa-1111');
    expect(cred?.apiSecretKey).toBe('SECRET-bbbb-2222');

    const audits = recordsOf(session, 'audit');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.action).toBe('capture');
    expect(audits[0]!.origin).toBe(ORIGIN);
    expect(audits[0]!.summary).toMatch(/Acme/);
    const auditJson = JSON.stringify(audits);
    expect(auditJson).not.toContain('TOKEN-aaaa-1111');
    expect(auditJson).not.toContain('SECRET-bbbb-2222');
    expect(auditJson).not.toContain('aaaa');
    expect(auditJson).not.toContain('bbbb');

    // Persisted: a reloaded session sees the same.
    const reloaded = await openSession(db, key);
    expect(reloaded.records.size).toBe(3);
    expect(JSON.stringify(recordsOf(reloaded, 'audit'))).not.toContain('TOKEN-aaaa-1111');
  });

  it('upserts the tenant by case-insensitive name and updates the credential instead of duplicating it', async () => {
    const { session, db, key } = await freshSession('api-upsert');
    await storeApiCapture(session, apiRead('tok-1', 'sec-1'), 'Acme', ORIGIN, 100);
    const first = recordsOf(session, 'tenant')[0]!;
    const firstCred = titanCredentialOf(session, first.id)!;

    const same = await storeApiCapture(session, apiRead('tok-1', 'sec-1'), 'ACME', ORIGIN, 150);
    expect(same.ok && same.value.message).toMatch(/unchanged/);

    const again = await storeApiCapture(session, apiRead('tok-2', 'sec-2'), ' acme ', 'https://maint2.example.com', 200);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.value.message).toMatch(/updated/);

    const tenants = recordsOf(session, 'tenant');
    expect(tenants).toHaveLength(1);
    expect(tenants[0]!.id).toBe(first.id);
    expect(tenants[0]!.name).toBe('Acme');
    expect(tenants[0]!.maintenanceOrigin).toBe('https://maint2.example.com');
    expect(tenants[0]!.updatedAt).toBe(200);

    const creds = recordsOf(session, 'credential');
    expect(creds).toHaveLength(1);
    expect(creds[0]!.id).toBe(firstCred.id);
    expect(creds[0]).toMatchObject({ apiToken: 'tok-2', apiSecretKey: 'sec-2', updatedAt: 200 });
    expect(recordsOf(session, 'audit')).toHaveLength(3);

    const reloaded = await openSession(db, key);
    expect(recordsOf(reloaded, 'tenant')).toHaveLength(1);
    expect(recordsOf(reloaded, 'credential')).toHaveLength(1);
    expect(recordsOf(reloaded, 'credential')[0]).toMatchObject({ apiToken: 'tok-2' });
  });

  it('a different tenant name makes a separate tenant', async () => {
    const { session } = await freshSession('api-two');
    await storeApiCapture(session, apiRead('tok-1', 'sec-1'), 'Acme', ORIGIN, 100);
    await storeApiCapture(session, apiRead('tok-2', 'sec-2'), 'Globex', ORIGIN, 100);
    expect(recordsOf(session, 'tenant')).toHaveLength(2);
    expect(recordsOf(session, 'credential')).toHaveLength(2);
    expect(titanCredentialOf(session, tenantByName(session, 'globex')!.id)?.apiToken).toBe('tok-2');
  });

  it('refuses a read without both values and writes nothing', async () => {
    const { session, db } = await freshSession('api-missing');
    const result = await storeApiCapture(session, apiRead('tok', null, ['Reveal the API Secret Key first.']), 'Acme', ORIGIN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Reveal/);
    expect(session.records.size).toBe(0);
    expect(await db.count('records')).toBe(0);
  });
});

describe('storeSitesCapture', () => {
  it('merges two pages into one site list for the tenant', async () => {
    const { session, db, key } = await freshSession('sites');
    const page1 = await storeSitesCapture(session, sitesRead([site('S1'), site('S2')]), 'Acme', ORIGIN, 100);
    expect(page1.ok).toBe(true);
    const page2 = await storeSitesCapture(session, sitesRead([site('S2'), site('S3', 'Three'), site('S4')]), 'acme', ORIGIN, 200);
    expect(page2.ok).toBe(true);
    if (page2.ok) {
      expect([page2.value.merge.added, page2.value.merge.updated, page2.value.merge.unchanged]).toEqual([2, 0, 1]);
      expect(page2.value.message).toMatch(/2 new, 0 updated, 1 unchanged/);
    }
    const tenants = recordsOf(session, 'tenant');
    expect(tenants).toHaveLength(1);
    const lists = recordsOf(session, 'sites');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.sites.map((s) => s.identifier).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);

    const reloaded = await openSession(db, key);
    expect(siteListOf(reloaded, tenants[0]!.id)?.sites.map((s) => s.identifier).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('two concurrent captures into the same tenant both land, in memory and on disk', async () => {
    const { session, db, key } = await freshSession('sites-concurrent');
    const pageA = [site('A1'), site('A2'), site('A3')];
    const pageB = [site('B1'), site('B2')];
    const [a, b] = await Promise.all([
      storeSitesCapture(session, sitesRead(pageA), 'Acme', ORIGIN, 100),
      storeSitesCapture(session, sitesRead(pageB), 'Acme', ORIGIN, 101),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const expected = ['A1', 'A2', 'A3', 'B1', 'B2'];

    expect(recordsOf(session, 'tenant')).toHaveLength(1);
    expect(recordsOf(session, 'sites')).toHaveLength(1);
    expect(recordsOf(session, 'sites')[0]!.sites.map((s) => s.identifier).sort()).toEqual(expected);

    const reloaded = await openSession(db, key);
    expect(reloaded.newlyQuarantined).toEqual([]);
    expect(recordsOf(reloaded, 'tenant')).toHaveLength(1);
    const lists = recordsOf(reloaded, 'sites');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.sites.map((s) => s.identifier).sort()).toEqual(expected);
  });

  it('concurrent captures for different tenants keep each list separate', async () => {
    const { session, db, key } = await freshSession('sites-two-tenants');
    await Promise.all([
      storeSitesCapture(session, sitesRead([site('A1')]), 'Acme', ORIGIN, 100),
      storeSitesCapture(session, sitesRead([site('G1')]), 'Globex', ORIGIN, 100),
    ]);
    const reloaded = await openSession(db, key);
    const acme = tenantByName(reloaded, 'acme')!;
    const globex = tenantByName(reloaded, 'globex')!;
    expect(siteListOf(reloaded, acme.id)?.sites.map((s) => s.identifier)).toEqual(['A1']);
    expect(siteListOf(reloaded, globex.id)?.sites.map((s) => s.identifier)).toEqual(['G1']);
  });
});

describe('storeMapping', () => {
  const mapping = {
    edgeOrigin: 'https://edge.example.com',
    facilityName: 'Maple Street #12',
    tenantId: 't1',
    siteIdentifier: 'SITE-1',
    siteName: 'Maple Street 12',
  };

  it('upserts by edge origin and facility name', async () => {
    const { session, db, key } = await freshSession('mapping');
    expect(await storeMapping(session, mapping, 100)).toEqual({ ok: true });
    const first = recordsOf(session, 'mapping')[0]!;
    expect(await storeMapping(session, { ...mapping, siteIdentifier: 'SITE-2', siteName: 'Other' }, 200)).toEqual({ ok: true });

    const mappings = recordsOf(session, 'mapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ id: first.id, siteIdentifier: 'SITE-2', siteName: 'Other', mappedAt: 200, updatedAt: 200 });

    await storeMapping(session, { ...mapping, edgeOrigin: 'https://edge2.example.com' }, 300);
    await storeMapping(session, { ...mapping, facilityName: 'Oak Road' }, 300);
    expect(recordsOf(session, 'mapping')).toHaveLength(3);

    const reloaded = await openSession(db, key);
    const stored = recordsOf(reloaded, 'mapping');
    expect(stored).toHaveLength(3);
    expect(stored.find((m) => m.id === first.id)?.siteIdentifier).toBe('SITE-2');
  });

  it('an invalid mapping is refused and not cached', async () => {
    const { session, db } = await freshSession('mapping-invalid');
    const result = await storeMapping(session, { ...mapping, siteIdentifier: '' }, 100);
    expect(result.ok).toBe(false);
    expect(recordsOf(session, 'mapping')).toHaveLength(0);
    expect(await db.count('records')).toBe(0);
  });
});
