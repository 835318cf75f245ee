import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KdfParams, WrappedKey } from './crypto';

export const DB_NAME = 'keyferry';
export const DB_VERSION = 2;
/** Format of one encrypted row; part of the AES-GCM binding, so a row cannot claim another format. */
export const ROW_FORMAT = 1;

export interface VaultMeta {
  formatVersion: 1;
  kdf: KdfParams;
  wrappedKey: WrappedKey;
  createdAt: number;
}

export interface EncryptedRow {
  key: string;
  kind: string;
  v: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export interface QuarantinedRow {
  key: string;
  reason: string;
  at: number;
  row: unknown;
}

export interface VaultDB extends DBSchema {
  meta: { key: string; value: VaultMeta };
  records: { key: string; value: EncryptedRow; indexes: { byKind: string } };
  quarantine: { key: string; value: QuarantinedRow };
}

export type VaultDatabase = IDBPDatabase<VaultDB>;

/**
 * Version history:
 * 1 — `meta` (out-of-line keys) and `records` ({key, iv, data}).
 * 2 — rows gain `kind` and `v` (record format), an index by kind, and a `quarantine` store.
 */
export function openVaultDb(name = DB_NAME): Promise<VaultDatabase> {
  return openDB<VaultDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('records', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const records = tx.objectStore('records');
        records.createIndex('byKind', 'kind');
        db.createObjectStore('quarantine', { keyPath: 'key' });
        for (let cursor = await records.openCursor(); cursor; cursor = await cursor.continue()) {
          const row = cursor.value as Partial<EncryptedRow> & { key: string };
          await cursor.update({ ...row, kind: row.key.split(':')[0] ?? 'unknown', v: ROW_FORMAT } as EncryptedRow);
        }
      }
    },
  });
}

export function describeDbError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return 'The browser has no storage space left for Keyferry: nothing was written, and what the vault held is unchanged. Free some disk space and try again.';
  }
  if (name === 'VersionError') {
    return 'This vault was written by a newer version of Keyferry: update the extension to open it.';
  }
  return `The vault database could not be written (${name || 'unknown error'}); what it held is unchanged.`;
}

export function deleteVaultDb(name = DB_NAME): Promise<void> {
  return deleteDB(name);
}
