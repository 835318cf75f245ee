// The unlocked vault as the background holds it: decrypted records in memory, every write
// encrypted to IndexedDB first and serialised, so two tabs capturing at once both land.

import type { ApiKeysRead, MaintenanceApiRead, SitesRead, TimusRead } from '../messages';
import type { Outcome, Result } from '../result';
import { parsePageDate } from '../dates';
import type { VaultDatabase } from './db';
import {
  recordKey,
  type ApiKeyCredential,
  type AuditEntry,
  type Credential,
  type Mapping,
  type SharedSecretCredential,
  type TimusCredential,
  type Site,
  type SiteList,
  type Tenant,
  type TitanCredential,
  type VaultRecord,
} from './records';
import { loadRecords, putRecords } from './vault';
import { serialiser, type Serial } from '../serial';

export interface VaultSession {
  db: VaultDatabase;
  key: CryptoKey;
  records: Map<string, VaultRecord>;
  quarantined: number;
  /** Writes, one after another. */
  writes: Serial;
}

export async function openSession(db: VaultDatabase, key: CryptoKey): Promise<VaultSession & { newlyQuarantined: string[] }> {
  const loaded = await loadRecords(db, key);
  return {
    db,
    key,
    records: new Map(loaded.records.map((r) => [recordKey(r), r])),
    quarantined: loaded.quarantined,
    writes: serialiser(),
    newlyQuarantined: loaded.newlyQuarantined,
  };
}

/** Runs writes one after another; the cache changes only once IndexedDB has the records. */
export function serialised<T>(session: VaultSession, work: () => Promise<T>): Promise<T> {
  return session.writes(work);
}

async function write(session: VaultSession, records: VaultRecord[]): Promise<Outcome> {
  const result = await putRecords(session.db, session.key, records);
  if (result.ok) for (const r of records) session.records.set(recordKey(r), r);
  return result;
}

export function recordsOf<K extends VaultRecord['kind']>(session: VaultSession, kind: K): Extract<VaultRecord, { kind: K }>[] {
  return [...session.records.values()].filter((r): r is Extract<VaultRecord, { kind: K }> => r.kind === kind);
}

export function tenantByName(session: VaultSession, name: string): Tenant | undefined {
  const wanted = name.trim().toLowerCase();
  return recordsOf(session, 'tenant').find((t) => t.name.toLowerCase() === wanted);
}

export function titanCredentialOf(session: VaultSession, tenantId: string): TitanCredential | undefined {
  return recordsOf(session, 'credential').find(
    (c): c is TitanCredential => c.system === 'titan-maintenance' && c.tenantId === tenantId,
  );
}

export function siteListOf(session: VaultSession, tenantId: string): SiteList | undefined {
  return recordsOf(session, 'sites').find((s) => s.tenantId === tenantId);
}

function upsertTenant(session: VaultSession, name: string, origin: string, now: number): Tenant {
  const existing = tenantByName(session, name);
  return existing
    ? { ...existing, maintenanceOrigin: origin, updatedAt: now, capturedAt: now }
    : { kind: 'tenant', id: crypto.randomUUID(), name, maintenanceOrigin: origin, capturedAt: now, updatedAt: now };
}

export function auditEntry(action: AuditEntry['action'], summary: string, origin: string | undefined, now: number): AuditEntry {
  return { kind: 'audit', id: crypto.randomUUID(), at: now, action, summary: summary.slice(0, 1000), updatedAt: now, ...(origin ? { origin } : {}) };
}

export function addAudit(session: VaultSession, entry: AuditEntry): Promise<Outcome> {
  return serialised(session, () => write(session, [entry]));
}

export interface ApiCaptureSummary {
  tenant: Tenant;
  message: string;
}

export function storeApiCapture(
  session: VaultSession,
  read: MaintenanceApiRead,
  tenantName: string,
  origin: string,
  now = Date.now(),
): Promise<Result<ApiCaptureSummary>> {
  return serialised(session, async () => {
    if (!read.apiToken || !read.apiSecretKey) {
      return { ok: false as const, reason: read.problems.join(' ') || 'The API Token and API Secret Key were not both found.' };
    }
    const tenant = upsertTenant(session, tenantName, origin, now);
    const existing = titanCredentialOf(session, tenant.id);
    const unchanged = existing?.apiToken === read.apiToken && existing.apiSecretKey === read.apiSecretKey;
    const credential: TitanCredential = {
      kind: 'credential',
      system: 'titan-maintenance',
      id: existing?.id ?? crypto.randomUUID(),
      tenantId: tenant.id,
      title: `${tenant.name} API credentials`,
      apiToken: read.apiToken,
      apiSecretKey: read.apiSecretKey,
      origin,
      // capturedAt marks when this secret was first seen: the rotation review counts from it.
      capturedAt: unchanged && existing ? existing.capturedAt : now,
      updatedAt: now,
    };
    const message = `Captured API credentials for tenant ${tenant.name}${existing ? (unchanged ? ' (unchanged)' : ' (updated)') : ''}.`;
    const written = await write(session, [tenant, credential, auditEntry('capture', message, origin, now)]);
    return written.ok ? { ok: true as const, value: { tenant, message } } : written;
  });
}

export interface SiteMerge {
  sites: Site[];
  added: number;
  updated: number;
  unchanged: number;
}

/** Paged lists: each capture adds to what the tenant already has, matched by Site Identifier. */
export function mergeSites(existing: Site[], incoming: Site[]): SiteMerge {
  const byId = new Map(existing.map((s) => [s.identifier, s]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const site of incoming) {
    const before = byId.get(site.identifier);
    if (!before) added++;
    else if (before.name === site.name && before.address === site.address && before.city === site.city) unchanged++;
    else updated++;
    byId.set(site.identifier, before ? { ...before, ...site } : site);
  }
  return { sites: [...byId.values()], added, updated, unchanged };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function storeSitesCapture(
  session: VaultSession,
  read: SitesRead,
  tenantName: string,
  origin: string,
  now = Date.now(),
): Promise<Result<{ tenant: Tenant; message: string; merge: SiteMerge }>> {
  return serialised(session, async () => {
    const tenant = upsertTenant(session, tenantName, origin, now);
    const list = siteListOf(session, tenant.id);
    const merge = mergeSites(list?.sites ?? [], read.sites);
    const record: SiteList = { kind: 'sites', id: list?.id ?? crypto.randomUUID(), tenantId: tenant.id, sites: merge.sites, updatedAt: now };
    const message =
      `Captured ${count(read.sites.length)} site${read.sites.length === 1 ? '' : 's'} for tenant ${tenant.name}: ` +
      `${count(merge.added)} new, ${count(merge.updated)} updated, ${count(merge.unchanged)} unchanged.` +
      (read.problems.length ? ` ${read.problems.join(' ')}` : '');
    const written = await write(session, [tenant, record, auditEntry('capture', message, origin, now)]);
    return written.ok ? { ok: true as const, value: { tenant, message, merge } } : written;
  });
}

export function storeMapping(
  session: VaultSession,
  mapping: Omit<Mapping, 'kind' | 'id' | 'updatedAt' | 'mappedAt'>,
  now = Date.now(),
): Promise<Outcome> {
  return serialised(session, async () => {
    const existing = recordsOf(session, 'mapping').find(
      (m) => m.edgeOrigin === mapping.edgeOrigin && m.facilityName === mapping.facilityName,
    );
    const record: Mapping = { kind: 'mapping', id: existing?.id ?? crypto.randomUUID(), ...mapping, mappedAt: now, updatedAt: now };
    return write(session, [record]);
  });
}

function credentialsOf<S extends Credential['system']>(session: VaultSession, system: S): Extract<Credential, { system: S }>[] {
  return recordsOf(session, 'credential').filter((c): c is Extract<Credential, { system: S }> => c.system === system);
}

function counted(added: number, updated: number, unchanged: number): string {
  return `${added} new, ${updated} updated, ${unchanged} unchanged`;
}

/** Re-capturing updates records matched by Client ID; a masked secret keeps the one already stored. */
export function storeTimusCapture(session: VaultSession, read: TimusRead, origin: string, now = Date.now()): Promise<Result<{ message: string }>> {
  return serialised(session, async () => {
    const existing = credentialsOf(session, 'timus');
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const problems = [...read.problems];
    const records: TimusCredential[] = read.cards.map((card) => {
      const expiration = card.expiration ? parsePageDate(card.expiration) : null;
      if (expiration && !expiration.iso && !expiration.never) {
        problems.push(`The expiration date “${expiration.text}” of “${card.title}” could not be read; kept as text.`);
      }
      const before = existing.find((c) => c.clientId === card.clientId);
      const secret = card.clientSecret ?? before?.clientSecret;
      const secretChanged = !!card.clientSecret && card.clientSecret !== before?.clientSecret;
      const record: TimusCredential = {
        kind: 'credential',
        system: 'timus',
        id: before?.id ?? crypto.randomUUID(),
        title: card.title,
        clientId: card.clientId,
        ...(secret ? { clientSecret: secret } : {}),
        ...(card.applicationType ? { applicationType: card.applicationType } : {}),
        ...(expiration ? { expiration } : {}),
        origin,
        capturedAt: before && !secretChanged ? before.capturedAt : now,
        updatedAt: now,
      };
      if (!before) added++;
      else if (JSON.stringify({ ...before, updatedAt: 0 }) === JSON.stringify({ ...record, updatedAt: 0 })) unchanged++;
      else updated++;
      return record;
    });
    const message =
      `Captured ${records.length} Timus API Access credential${records.length === 1 ? '' : 's'}: ${counted(added, updated, unchanged)}.` +
      (problems.length ? ` ${problems.join(' ')}` : '');
    const written = await write(session, [...records, auditEntry('capture', message, origin, now)]);
    return written.ok ? { ok: true as const, value: { message } } : written;
  });
}

/** Keys are matched by name; the shared secret, one per console origin, only when the page showed it. */
export function storeApiKeysCapture(session: VaultSession, read: ApiKeysRead, origin: string, now = Date.now()): Promise<Result<{ message: string }>> {
  return serialised(session, async () => {
    const existing = credentialsOf(session, 'api-key').filter((c) => c.origin === origin);
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const problems = [...read.problems];
    const records: (ApiKeyCredential | SharedSecretCredential)[] = read.keys.map((key) => {
      const lastLogin = parsePageDate(key.lastLogin);
      if (!lastLogin.iso && !lastLogin.never) problems.push(`The last login “${lastLogin.text}” of key ${key.name} could not be read; kept as text.`);
      const before = existing.find((c) => c.title === key.name);
      const record: ApiKeyCredential = {
        kind: 'credential',
        system: 'api-key',
        id: before?.id ?? crypto.randomUUID(),
        title: key.name,
        ...(key.description ? { description: key.description } : {}),
        role: key.role,
        lastLogin,
        origin,
        capturedAt: before?.capturedAt ?? now,
        updatedAt: now,
      };
      if (!before) added++;
      else if (JSON.stringify({ ...before, updatedAt: 0 }) === JSON.stringify({ ...record, updatedAt: 0 })) unchanged++;
      else updated++;
      return record;
    });
    let sharedNote = '';
    if (read.sharedSecret) {
      const before = credentialsOf(session, 'api-shared-secret').find((c) => c.origin === origin);
      records.push({
        kind: 'credential',
        system: 'api-shared-secret',
        id: before?.id ?? crypto.randomUUID(),
        title: `API Shared Secret (${new URL(origin).host})`,
        secret: read.sharedSecret,
        origin,
        capturedAt: before && before.secret === read.sharedSecret ? before.capturedAt : now,
        updatedAt: now,
      });
      sharedNote = ' and the API Shared Secret';
    }
    const message =
      `Captured ${read.keys.length} API key${read.keys.length === 1 ? '' : 's'}${sharedNote}: ${counted(added, updated, unchanged)}.` +
      (problems.length ? ` ${problems.join(' ')}` : '');
    const written = await write(session, [...records, auditEntry('capture', message, origin, now)]);
    return written.ok ? { ok: true as const, value: { message } } : written;
  });
}
