import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { describeDbError, openVaultDb, type EncryptedRow, type VaultDatabase } from '@/lib/vault/db';
import {
  MIN_PASSPHRASE_LENGTH,
  changePassphrase,
  createVault,
  exportVault,
  importVault,
  loadRecords,
  putRecords,
  readMeta,
  unlockVault,
} from '@/lib/vault/vault';
import { exportRawKey, newDataKey } from '@/lib/vault/crypto';
import { fromBase64, toBase64 } from '@/lib/vault/bytes';
import type { Tenant, TitanCredential, VaultRecord } from '@/lib/vault/records';

let counter = 0;
const opened: VaultDatabase[] = [];
function uniqueName(label: string): string {
  return `keyferry-test-${label}-${Date.now()}-${counter++}`;
}
async function freshDb(label: string): Promise<VaultDatabase> {
  const db = await openVaultDb(uniqueName(label));
  opened.push(db);
  return db;
}
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function tenant(id: string, name = `Tenant ${id}`, updatedAt = 1000): Tenant {
  return { kind: 'tenant', id, name, maintenanceOrigin: 'https://maint.example.com', capturedAt: updatedAt, updatedAt };
}
function credential(id: string, tenantId: string): TitanCredential {
  return {
    kind: 'credential',
    system: 'titan-maintenance',
    id,
    tenantId,
    title: 'creds',
    apiToken: 'TOKEN-SECRET-123',
    apiSecretKey: 'SECRET-KEY-456',
    origin: 'https://maint.example.com',
    capturedAt: 1,
    updatedAt: 1,
  };
}
function byKey(records: VaultRecord[]): Record<string, VaultRecord> {
  return Object.fromEntries(records.map((r) => [`${r.kind}:${r.id}`, r]));
}
const metaBytes = async (db: VaultDatabase) => JSON.stringify(await readMeta(db));

describe('createVault', () => {
  it('refuses a too-short passphrase and writes nothing', async () => {
    const db = await freshDb('short');
    const result = await createVault(db, 'x'.repeat(MIN_PASSPHRASE_LENGTH - 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/at least 8/);
    expect(await readMeta(db)).toBeUndefined();
  });

  it('creates once; a second create is refused and leaves the vault as it was', async () => {
    const db = await freshDb('create');
    const first = await createVault(db, 'first passphrase', 1234);
    expect(first.ok).toBe(true);
    const meta = await readMeta(db);
    expect(meta?.formatVersion).toBe(1);
    expect(meta?.createdAt).toBe(1234);
    expect(meta?.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const before = await metaBytes(db);
    const second = await createVault(db, 'second passphrase');
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.reason).toMatch(/already exists/);
    expect(await metaBytes(db)).toBe(before);
  });
});

describe('unlockVault', () => {
  let db: VaultDatabase;
  let dataKeyRaw: string;
  beforeAll(async () => {
    db = await openVaultDb(uniqueName('unlock'));
    const created = await createVault(db, 'right passphrase');
    if (!created.ok) throw new Error(created.reason);
    dataKeyRaw = await exportRawKey(created.value);
  });

  it('no vault yet → refused', async () => {
    const empty = await freshDb('nometa');
    const result = await unlockVault(empty, 'whatever passphrase');
    expect(result.ok).toBe(false);
  });

  it('right passphrase opens the data key', async () => {
    const result = await unlockVault(db, 'right passphrase');
    expect(result.ok).toBe(true);
    if (result.ok) expect(await exportRawKey(result.value)).toBe(dataKeyRaw);
  });

  it('wrong passphrase is refused and changes nothing', async () => {
    const before = await metaBytes(db);
    const result = await unlockVault(db, 'wrong passphrase');
    expect(result).toEqual({ ok: false, reason: 'Wrong passphrase.' });
    expect(await metaBytes(db)).toBe(before);
  });

  it('empty passphrase is refused', async () => {
    const before = await metaBytes(db);
    const result = await unlockVault(db, '');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Enter your passphrase/);
    expect(await metaBytes(db)).toBe(before);
  });
});

describe('changePassphrase', () => {
  it('old refused after, new works, records still decrypt with the unchanged data key', async () => {
    const db = await freshDb('change');
    const created = await createVault(db, 'old passphrase');
    if (!created.ok) throw new Error(created.reason);
    const raw = await exportRawKey(created.value);
    expect((await putRecords(db, created.value, [tenant('t1'), credential('c1', 't1')])).ok).toBe(true);
    const metaBefore = await readMeta(db);

    expect((await changePassphrase(db, 'old passphrase', 'short')).ok).toBe(false);
    expect(await metaBytes(db)).toBe(JSON.stringify(metaBefore));

    expect(await changePassphrase(db, 'old passphrase', 'new passphrase')).toEqual({ ok: true });
    const metaAfter = await readMeta(db);
    expect(metaAfter?.kdf.salt).not.toBe(metaBefore?.kdf.salt);
    expect(metaAfter?.createdAt).toBe(metaBefore?.createdAt);

    const old = await unlockVault(db, 'old passphrase');
    expect(old.ok).toBe(false);
    const fresh = await unlockVault(db, 'new passphrase');
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(await exportRawKey(fresh.value)).toBe(raw);
    const loaded = await loadRecords(db, fresh.value);
    expect(byKey(loaded.records)).toEqual(byKey([tenant('t1'), credential('c1', 't1')]));
    expect(loaded.quarantined).toBe(0);
  });

  it('a wrong old passphrase changes nothing', async () => {
    const db = await freshDb('change-wrong');
    const created = await createVault(db, 'old passphrase');
    expect(created.ok).toBe(true);
    const before = await metaBytes(db);
    const result = await changePassphrase(db, 'not the old one', 'new passphrase');
    expect(result.ok).toBe(false);
    expect(await metaBytes(db)).toBe(before);
  });
});

describe('putRecords / loadRecords', () => {
  it('round-trips records of every kind', async () => {
    const db = await freshDb('roundtrip');
    const key = await newDataKey();
    const records: VaultRecord[] = [
      tenant('t1'),
      credential('c1', 't1'),
      { kind: 'sites', id: 's1', tenantId: 't1', sites: [{ name: 'Maple', identifier: 'SITE-1', city: 'X' }], updatedAt: 5 },
      {
        kind: 'mapping',
        id: 'm1',
        edgeOrigin: 'https://edge.example.com',
        facilityName: 'Maple',
        tenantId: 't1',
        siteIdentifier: 'SITE-1',
        siteName: 'Maple',
        mappedAt: 5,
        updatedAt: 5,
      },
      { kind: 'audit', id: 'a1', at: 5, action: 'capture', summary: 'captured', updatedAt: 5 },
    ];
    expect(await putRecords(db, key, records)).toEqual({ ok: true });
    const loaded = await loadRecords(db, key);
    expect(byKey(loaded.records)).toEqual(byKey(records));
    expect(loaded.quarantined).toBe(0);
    expect(loaded.newlyQuarantined).toEqual([]);

    // Stored rows are encrypted: no secret in clear, kind and format alongside.
    const row = await db.get('records', 'credential:c1');
    expect(row?.kind).toBe('credential');
    expect(row?.v).toBe(1);
    expect(new TextDecoder('latin1').decode(row!.data)).not.toContain('TOKEN-SECRET-123');
  });

  it('a later put under the same id replaces the record', async () => {
    const db = await freshDb('replace');
    const key = await newDataKey();
    await putRecords(db, key, [tenant('t1', 'Old')]);
    await putRecords(db, key, [tenant('t1', 'New', 2000)]);
    const loaded = await loadRecords(db, key);
    expect(loaded.records).toEqual([tenant('t1', 'New', 2000)]);
  });

  it('validates with zod on write: one invalid record → nothing written', async () => {
    const db = await freshDb('invalid');
    const key = await newDataKey();
    const bad = { ...tenant('t2'), name: '' } as Tenant;
    const result = await putRecords(db, key, [tenant('t1'), bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/schema/);
    expect(await db.count('records')).toBe(0);

    const unknownKind = { kind: 'password', id: 'p1', updatedAt: 1 } as unknown as VaultRecord;
    expect((await putRecords(db, key, [unknownKind])).ok).toBe(false);
    expect(await db.count('records')).toBe(0);
  });

  it('tampered, truncated, unknown-format and moved rows go to quarantine; the rest still load', async () => {
    const db = await freshDb('quarantine');
    const key = await newDataKey();
    const all = ['tampered', 'truncated', 'future', 'moved', 'good1', 'good2'].map((id) => tenant(id));
    await putRecords(db, key, [...all, credential('c1', 'good1')]);

    const get = async (k: string) => (await db.get('records', k))!;
    const tampered = await get('tenant:tampered');
    const flipped = tampered.data.slice(0);
    new Uint8Array(flipped)[3]! ^= 0x01;
    await db.put('records', { ...tampered, data: flipped });

    const truncated = await get('tenant:truncated');
    await db.put('records', { ...truncated, data: truncated.data.slice(0, truncated.data.byteLength - 5) });

    const future = await get('tenant:future');
    await db.put('records', { ...future, v: 99 });

    const good2 = await get('tenant:good2');
    await db.put('records', { ...good2, key: 'tenant:moved' } satisfies EncryptedRow);

    const loaded = await loadRecords(db, key, 777);
    expect(Object.keys(byKey(loaded.records)).sort()).toEqual(['credential:c1', 'tenant:good1', 'tenant:good2']);
    expect(loaded.quarantined).toBe(4);
    expect(loaded.newlyQuarantined).toHaveLength(4);

    const quarantine = await db.getAll('quarantine');
    const reasons = Object.fromEntries(quarantine.map((q) => [(q.row as EncryptedRow).key, q.reason]));
    expect(reasons['tenant:tampered']).toMatch(/failed to decrypt/);
    expect(reasons['tenant:truncated']).toMatch(/failed to decrypt/);
    expect(reasons['tenant:future']).toMatch(/unknown record format version 99/);
    expect(reasons['tenant:moved']).toMatch(/failed to decrypt|another id/);
    for (const q of quarantine) {
      expect(q.at).toBe(777);
      expect(q.key).toMatch(/@777$/);
    }

    // Quarantined rows leave the records store; a second load is clean.
    expect((await db.getAllKeys('records')).sort()).toEqual(['credential:c1', 'tenant:good1', 'tenant:good2']);
    const again = await loadRecords(db, key);
    expect(again.newlyQuarantined).toEqual([]);
    expect(again.quarantined).toBe(4);
    expect(again.records).toHaveLength(3);
  });

  it('loading with the wrong data key quarantines every row (never returns garbage)', async () => {
    const db = await freshDb('wrongkey');
    await putRecords(db, await newDataKey(), [tenant('t1')]);
    const loaded = await loadRecords(db, await newDataKey());
    expect(loaded.records).toEqual([]);
    expect(loaded.quarantined).toBe(1);
  });
});

/** A view of `db` whose write transactions fail the way a full disk does. */
function quotaDb(db: VaultDatabase): VaultDatabase {
  const bindTo = <T extends object>(target: T, prop: PropertyKey) => {
    const value = Reflect.get(target, prop);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') return bindTo(target, prop);
      return (...args: Parameters<VaultDatabase['transaction']>) => {
        const tx = target.transaction(...args);
        let puts = 0;
        const realStore = tx.store as unknown as { put(value: EncryptedRow): Promise<string> };
        const store = new Proxy(realStore, {
          get(s, p) {
            if (p !== 'put') return bindTo(s, p);
            return (value: EncryptedRow) => {
              puts++;
              if (puts < 2) return s.put(value);
              if (puts === 2) tx.abort();
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            };
          },
        });
        return new Proxy(tx, { get: (t, p) => (p === 'store' ? store : bindTo(t, p)) });
      };
    },
  }) as VaultDatabase;
}

describe('QuotaExceededError on write', () => {
  it('returns {ok:false} mentioning storage space and leaves earlier data intact', async () => {
    const db = await freshDb('quota');
    const key = await newDataKey();
    expect((await putRecords(db, key, [tenant('t1', 'Original')])).ok).toBe(true);

    const result = await putRecords(quotaDb(db), key, [tenant('t1', 'Changed', 2000), tenant('t2'), tenant('t3')]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/storage space/);

    const loaded = await loadRecords(db, key);
    expect(loaded.records).toEqual([tenant('t1', 'Original')]);
    expect(loaded.quarantined).toBe(0);
  });

  it('describeDbError names the cause', () => {
    expect(describeDbError(new DOMException('x', 'QuotaExceededError'))).toMatch(/storage space/);
    expect(describeDbError(new DOMException('x', 'VersionError'))).toMatch(/newer version/);
    expect(describeDbError(new Error('boom'))).toMatch(/could not be written/);
    expect(describeDbError('weird')).toMatch(/unknown error/);
  });
});

describe('export / import', () => {
  it('imports into another vault with the export passphrase, merging by id with newer winning', async () => {
    const dbA = await freshDb('export-a');
    const dbB = await freshDb('export-b');
    const a = await createVault(dbA, 'passphrase A');
    const b = await createVault(dbB, 'passphrase B');
    if (!a.ok || !b.ok) throw new Error('create failed');

    await putRecords(dbA, a.value, [
      tenant('older-in-b', 'From A', 100),
      tenant('same', 'Same A', 200),
      tenant('newer-in-b', 'Stale A', 300),
      tenant('only-a', 'Only A', 10),
      credential('c1', 'only-a'),
      tenant('broken', 'Broken', 10),
    ]);
    await putRecords(dbB, b.value, [
      tenant('older-in-b', 'Old B', 50),
      tenant('same', 'Same B', 200),
      tenant('newer-in-b', 'Fresh B', 400),
      tenant('only-b', 'Only B', 10),
    ]);

    const exported = await exportVault(dbA, 999);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const text = JSON.stringify(exported.value);
    expect(text).not.toContain('TOKEN-SECRET-123');
    expect(text).not.toContain('Only A');
    expect(exported.value.records).toHaveLength(6);
    // Corrupt one row in the file: it is rejected, the rest still import.
    const file = JSON.parse(text) as typeof exported.value;
    const broken = file.records.find((r) => r.key === 'tenant:broken')!;
    const bytes = fromBase64(broken.data);
    bytes[0]! ^= 0xff;
    broken.data = toBase64(bytes);

    const bMetaBefore = await metaBytes(dbB);
    const rowsBefore = JSON.stringify(byKey((await loadRecords(dbB, b.value)).records));

    // Wrong export passphrase (B's own) → refused, nothing changes.
    const wrong = await importVault(dbB, b.value, file, 'passphrase B');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.reason).toMatch(/Wrong passphrase for this export/);
    expect(JSON.stringify(byKey((await loadRecords(dbB, b.value)).records))).toBe(rowsBefore);
    expect(await db_count(dbB)).toBe(4);

    const result = await importVault(dbB, b.value, file, 'passphrase A');
    expect(result).toEqual({ ok: true, value: { added: 2, updated: 1, unchanged: 2, rejected: 1 } });

    const merged = byKey((await loadRecords(dbB, b.value)).records);
    expect(Object.keys(merged).sort()).toEqual([
      'credential:c1',
      'tenant:newer-in-b',
      'tenant:older-in-b',
      'tenant:only-a',
      'tenant:only-b',
      'tenant:same',
    ]);
    expect((merged['tenant:older-in-b'] as Tenant).name).toBe('From A');
    expect((merged['tenant:same'] as Tenant).name).toBe('Same B');
    expect((merged['tenant:newer-in-b'] as Tenant).name).toBe('Fresh B');
    expect((merged['credential:c1'] as TitanCredential).apiToken).toBe('TOKEN-SECRET-123');
    // B keeps its own passphrase and header.
    expect(await metaBytes(dbB)).toBe(bMetaBefore);

    // Importing the same file again changes nothing.
    const again = await importVault(dbB, b.value, file, 'passphrase A');
    expect(again).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 5, rejected: 1 } });
  });

  it('refuses objects that are not an export, without changing anything', async () => {
    const db = await freshDb('not-export');
    const key = await newDataKey();
    await putRecords(db, key, [tenant('t1')]);
    for (const file of [null, 'text', [], {}, { format: 'other-vault', formatVersion: 1 }, { format: 'keyferry-vault', formatVersion: 2 }]) {
      const result = await importVault(db, key, file, 'whatever passphrase');
      expect(result.ok, JSON.stringify(file)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/not a Keyferry vault export/);
    }
    expect((await loadRecords(db, key)).records).toEqual([tenant('t1')]);
  });

  it('export without a vault is refused', async () => {
    const db = await freshDb('no-vault-export');
    expect((await exportVault(db)).ok).toBe(false);
  });
});

async function db_count(db: VaultDatabase): Promise<number> {
  return db.count('records');
}

describe('database migration', () => {
  it('upgrades a version-1 database: quarantine store, byKind index, kind and v on old rows', async () => {
    const name = uniqueName('migrate');
    const iv = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const data = new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9]).buffer;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('records', { keyPath: 'key' });
      },
    });
    await v1.put('records', { key: 'tenant:abc', iv, data });
    await v1.put('records', { key: 'credential:xyz', iv, data });
    await v1.put('meta', { hello: 'world' }, 'vault');
    v1.close();

    const db = await openVaultDb(name);
    opened.push(db);
    expect(db.version).toBe(2);
    expect(db.objectStoreNames.contains('quarantine')).toBe(true);
    expect(db.transaction('records').store.indexNames.contains('byKind')).toBe(true);

    const row = await db.get('records', 'tenant:abc');
    expect(row?.kind).toBe('tenant');
    expect(row?.v).toBe(1);
    expect(Array.from(row!.iv)).toEqual(Array.from(iv));
    expect(new Uint8Array(row!.data)).toEqual(new Uint8Array(data));
    expect((await db.get('records', 'credential:xyz'))?.kind).toBe('credential');
    expect(await db.getAllKeysFromIndex('records', 'byKind', 'tenant')).toEqual(['tenant:abc']);
    expect(await db.get('meta', 'vault')).toEqual({ hello: 'world' });

    // Reopening at version 2 keeps everything.
    db.close();
    const reopened = await openVaultDb(name);
    opened.push(reopened);
    expect(await reopened.count('records')).toBe(2);
  });

  it('refuses a database written by a newer version; describeDbError says so', async () => {
    const name = uniqueName('newer');
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        db.createObjectStore('meta');
      },
    });
    v3.close();
    let error: unknown;
    await openVaultDb(name).then(
      (db) => {
        db.close();
      },
      (e: unknown) => {
        error = e;
      },
    );
    expect(error).toBeDefined();
    expect((error as { name?: string }).name).toBe('VersionError');
    expect(describeDbError(error)).toMatch(/newer version/);
  });
});
