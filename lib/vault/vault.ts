import { z } from 'zod/mini';
import {
  KdfParamsSchema,
  WrappedKeySchema,
  deriveKek,
  newDataKey,
  newKdfParams,
  open,
  seal,
  unwrapDataKey,
  wrapDataKey,
} from './crypto';
import { fromBase64, toBase64 } from './bytes';
import { ROW_FORMAT, describeDbError, type EncryptedRow, type VaultDatabase, type VaultMeta } from './db';
import type { Outcome, Result } from '../result';
import { VaultRecordSchema, recordKey, type VaultRecord } from './records';


const META_KEY = 'vault';

export const MIN_PASSPHRASE_LENGTH = 8;

function binding(key: string, v: number): string {
  return `keyferry:${key}:v${v}`;
}

export async function readMeta(db: VaultDatabase): Promise<VaultMeta | undefined> {
  return db.get('meta', META_KEY);
}

export async function createVault(
  db: VaultDatabase,
  passphrase: string,
  now = Date.now(),
): Promise<Result<CryptoKey>> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { ok: false, reason: `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  if (await readMeta(db)) return { ok: false, reason: 'A vault already exists: unlock it instead.' };
  const kdf = newKdfParams();
  const dataKey = await newDataKey();
  const wrappedKey = await wrapDataKey(dataKey, await deriveKek(passphrase, kdf));
  try {
    await db.put('meta', { formatVersion: 1, kdf, wrappedKey, createdAt: now }, META_KEY);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  return { ok: true, value: dataKey };
}

const MetaSchema = z.object({
  formatVersion: z.literal(1),
  kdf: KdfParamsSchema,
  wrappedKey: WrappedKeySchema,
  createdAt: z.number(),
});

/** Opens the data key; a wrong passphrase changes nothing. */
export async function unlockWithPassphrase(
  meta: unknown,
  passphrase: string,
): Promise<Result<CryptoKey>> {
  if (!passphrase) return { ok: false, reason: 'Enter your passphrase.' };
  const parsed = MetaSchema.safeParse(meta);
  if (!parsed.success) {
    return { ok: false, reason: 'The vault header is damaged or from an unknown version: it cannot be opened.' };
  }
  try {
    const kek = await deriveKek(passphrase, parsed.data.kdf);
    return { ok: true, value: await unwrapDataKey(parsed.data.wrappedKey, kek) };
  } catch {
    return { ok: false, reason: 'Wrong passphrase.' };
  }
}

export async function unlockVault(db: VaultDatabase, passphrase: string): Promise<Result<CryptoKey>> {
  const meta = await readMeta(db);
  if (!meta) return { ok: false, reason: 'There is no vault yet: create one first.' };
  return unlockWithPassphrase(meta, passphrase);
}

export async function changePassphrase(
  db: VaultDatabase,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<Outcome> {
  if (newPassphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { ok: false, reason: `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  const meta = await readMeta(db);
  if (!meta) return { ok: false, reason: 'There is no vault yet: create one first.' };
  const unlocked = await unlockWithPassphrase(meta, oldPassphrase);
  if (!unlocked.ok) return unlocked;
  const kdf = newKdfParams(meta.kdf.iterations);
  const wrappedKey = await wrapDataKey(unlocked.value, await deriveKek(newPassphrase, kdf));
  try {
    await db.put('meta', { ...meta, kdf, wrappedKey }, META_KEY);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  return { ok: true };
}

export async function encryptRecord(key: CryptoKey, record: VaultRecord): Promise<EncryptedRow> {
  const rowKey = recordKey(record);
  const sealed = await seal(key, binding(rowKey, ROW_FORMAT), VaultRecordSchema.parse(record));
  return { key: rowKey, kind: record.kind, v: ROW_FORMAT, iv: sealed.iv, data: sealed.data };
}

/** Encrypts first, then writes every row in one transaction: all of them land, or none. */
export async function putRecords(db: VaultDatabase, key: CryptoKey, records: VaultRecord[]): Promise<Outcome> {
  let rows: EncryptedRow[];
  try {
    rows = await Promise.all(records.map((record) => encryptRecord(key, record)));
  } catch {
    return { ok: false, reason: 'A record did not match its schema, so nothing was written.' };
  }
  try {
    const tx = db.transaction('records', 'readwrite');
    await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
  return { ok: true };
}

export type OpenOutcome = { ok: true; record: VaultRecord } | { ok: false; reason: string };

export async function decryptRow(key: CryptoKey, row: EncryptedRow): Promise<OpenOutcome> {
  if (row.v !== ROW_FORMAT) return { ok: false, reason: `unknown record format version ${String(row.v)}` };
  if (!(row.iv instanceof Uint8Array) || !(row.data instanceof ArrayBuffer)) {
    return { ok: false, reason: 'the stored record is malformed' };
  }
  let value: unknown;
  try {
    value = await open(key, binding(row.key, row.v), { iv: row.iv, data: row.data });
  } catch {
    return { ok: false, reason: 'the record failed to decrypt (tampered, truncated or moved)' };
  }
  const parsed = VaultRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'the record does not match its schema' };
  if (recordKey(parsed.data) !== row.key) return { ok: false, reason: 'the record is stored under another id' };
  return { ok: true, record: parsed.data };
}

export interface LoadedVault {
  records: VaultRecord[];
  quarantined: number;
  newlyQuarantined: string[];
}

/** Decrypts every row; a row that fails moves to quarantine with its reason, the rest stay usable. */
export async function loadRecords(db: VaultDatabase, key: CryptoKey, now = Date.now()): Promise<LoadedVault> {
  const rows = await db.getAll('records');
  const outcomes = await Promise.all(rows.map((row) => decryptRow(key, row)));
  const records: VaultRecord[] = [];
  const bad: { row: EncryptedRow; reason: string }[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.ok) records.push(outcome.record);
    else bad.push({ row: rows[i]!, reason: outcome.reason });
  });
  if (bad.length) {
    const tx = db.transaction(['records', 'quarantine'], 'readwrite');
    await Promise.all([
      ...bad.flatMap(({ row, reason }) => [
        tx.objectStore('quarantine').put({ key: `${row.key}@${now}`, reason, at: now, row }),
        tx.objectStore('records').delete(row.key),
      ]),
      tx.done,
    ]);
  }
  return {
    records,
    quarantined: await db.count('quarantine'),
    newlyQuarantined: bad.map(({ row, reason }) => `${row.kind}: ${reason}`),
  };
}

// ---- Encrypted export / import -------------------------------------------------------------

const ExportRowSchema = z.object({
  key: z.string(),
  kind: z.string(),
  v: z.number(),
  iv: z.string(),
  data: z.string(),
});

export const VaultExportSchema = z.object({
  format: z.literal('keyferry-vault'),
  formatVersion: z.literal(1),
  kdf: KdfParamsSchema,
  wrappedKey: WrappedKeySchema,
  exportedAt: z.number(),
  records: z.array(ExportRowSchema),
});
export type VaultExport = z.infer<typeof VaultExportSchema>;

/** The file holds the same ciphertexts as the vault, under the same passphrase-wrapped key. */
export async function exportVault(db: VaultDatabase, now = Date.now()): Promise<Result<VaultExport>> {
  const meta = await readMeta(db);
  if (!meta) return { ok: false, reason: 'There is no vault to export.' };
  const rows = await db.getAll('records');
  return {
    ok: true,
    value: {
      format: 'keyferry-vault',
      formatVersion: 1,
      kdf: meta.kdf,
      wrappedKey: meta.wrappedKey,
      exportedAt: now,
      records: rows.map((row) => ({
        key: row.key,
        kind: row.kind,
        v: row.v,
        iv: toBase64(row.iv),
        data: toBase64(new Uint8Array(row.data)),
      })),
    },
  };
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

function recordTime(record: VaultRecord): number {
  return record.updatedAt;
}

/** Opens an export with its own passphrase and merges it by id, newer wins. Nothing changes on error. */
export async function importVault(
  db: VaultDatabase,
  key: CryptoKey,
  file: unknown,
  exportPassphrase: string,
): Promise<Result<ImportSummary>> {
  const parsed = VaultExportSchema.safeParse(file);
  if (!parsed.success) return { ok: false, reason: 'This file is not a Keyferry vault export.' };
  const exportKey = await unlockWithPassphrase(
    { formatVersion: 1, kdf: parsed.data.kdf, wrappedKey: parsed.data.wrappedKey, createdAt: 0 },
    exportPassphrase,
  );
  if (!exportKey.ok) {
    return { ok: false, reason: exportKey.reason === 'Wrong passphrase.' ? 'Wrong passphrase for this export file.' : exportKey.reason };
  }
  const incoming: VaultRecord[] = [];
  let rejected = 0;
  for (const row of parsed.data.records) {
    let outcome: OpenOutcome;
    try {
      outcome = await decryptRow(exportKey.value, { ...row, iv: fromBase64(row.iv), data: fromBase64(row.data).buffer });
    } catch {
      outcome = { ok: false, reason: 'malformed' };
    }
    if (outcome.ok) incoming.push(outcome.record);
    else rejected++;
  }
  const current = new Map((await loadRecords(db, key)).records.map((r) => [recordKey(r), r]));
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, rejected };
  const toWrite: VaultRecord[] = [];
  for (const record of incoming) {
    const existing = current.get(recordKey(record));
    if (!existing) {
      summary.added++;
      toWrite.push(record);
    } else if (recordTime(record) > recordTime(existing)) {
      summary.updated++;
      toWrite.push(record);
    } else summary.unchanged++;
  }
  const written = await putRecords(db, key, toWrite);
  if (!written.ok) return written;
  return { ok: true, value: summary };
}
