import { describe, expect, it } from 'vitest';
import {
  KdfParamsSchema,
  MIN_PBKDF2_ITERATIONS,
  deriveKek,
  exportRawKey,
  newDataKey,
  newKdfParams,
  open,
  seal,
  unwrapDataKey,
  wrapDataKey,
} from '@/lib/vault/crypto';
import { fromBase64 } from '@/lib/vault/bytes';

// One KEK pair shared by the wrap tests: PBKDF2 at 600k iterations is slow.
const params = newKdfParams();
const kekPromise = deriveKek('correct horse battery staple', params);
const wrongKekPromise = deriveKek('correct horse battery stapler', params);

describe('KDF params', () => {
  it('uses PBKDF2-SHA-256 with at least 600,000 iterations and a 16-byte salt', () => {
    const p = newKdfParams();
    expect(p.name).toBe('PBKDF2');
    expect(p.hash).toBe('SHA-256');
    expect(MIN_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(p.iterations).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(p.salt).length).toBe(16);
    expect(KdfParamsSchema.safeParse(p).success).toBe(true);
  });

  it('never goes below the minimum even when asked to', () => {
    expect(newKdfParams(1000).iterations).toBeGreaterThanOrEqual(600_000);
    expect(newKdfParams(700_000).iterations).toBe(700_000);
  });

  it('a fresh salt per call', () => {
    const salts = new Set(Array.from({ length: 20 }, () => newKdfParams().salt));
    expect(salts.size).toBe(20);
  });

  it('the schema refuses weak params', () => {
    expect(KdfParamsSchema.safeParse({ ...params, iterations: 100_000 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...params, hash: 'SHA-1' }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...params, salt: 'c2hvcnQ=' }).success).toBe(false);
  });
});

describe('wrap / unwrap the data key', () => {
  it('round-trips the data key under the right KEK', async () => {
    const kek = await kekPromise;
    const dataKey = await newDataKey();
    const wrapped = await wrapDataKey(dataKey, kek);
    expect(fromBase64(wrapped.iv).length).toBe(12);
    const unwrapped = await unwrapDataKey(wrapped, kek);
    expect(await exportRawKey(unwrapped)).toBe(await exportRawKey(dataKey));
    // The unwrapped key decrypts what the original encrypted.
    const sealed = await seal(dataKey, 'b', { x: 1 });
    expect(await open(unwrapped, 'b', sealed)).toEqual({ x: 1 });
  });

  it('the same passphrase and params derive the same KEK', async () => {
    const dataKey = await newDataKey();
    const wrapped = await wrapDataKey(dataKey, await kekPromise);
    const again = await deriveKek('correct horse battery staple', params);
    expect(await exportRawKey(await unwrapDataKey(wrapped, again))).toBe(await exportRawKey(dataKey));
  });

  it('rejects under a wrong KEK', async () => {
    const wrapped = await wrapDataKey(await newDataKey(), await kekPromise);
    await expect(unwrapDataKey(wrapped, await wrongKekPromise)).rejects.toThrow();
  });

  it('rejects a tampered wrapped key', async () => {
    const wrapped = await wrapDataKey(await newDataKey(), await kekPromise);
    const bytes = fromBase64(wrapped.data);
    bytes[0]! ^= 1;
    const tampered = { ...wrapped, data: btoa(String.fromCharCode(...bytes)) };
    await expect(unwrapDataKey(tampered, await kekPromise)).rejects.toThrow();
  });

  it('wrapping twice uses a fresh IV', async () => {
    const dataKey = await newDataKey();
    const a = await wrapDataKey(dataKey, await kekPromise);
    const b = await wrapDataKey(dataKey, await kekPromise);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });
});

describe('seal / open', () => {
  const value = { kind: 'credential', apiToken: 'tok-123', nested: [1, 'two', { three: true }] };

  it('round-trips a JSON value', async () => {
    const key = await newDataKey();
    const sealed = await seal(key, 'keyferry:credential:1:v1', value);
    expect(await open(key, 'keyferry:credential:1:v1', sealed)).toEqual(value);
  });

  it('the ciphertext does not contain the plaintext', async () => {
    const key = await newDataKey();
    const sealed = await seal(key, 'b', value);
    const text = new TextDecoder('latin1').decode(sealed.data);
    expect(text).not.toContain('tok-123');
  });

  it('a fresh 96-bit IV per seal', async () => {
    const key = await newDataKey();
    const ivs = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const sealed = await seal(key, 'b', value);
      expect(sealed.iv).toBeInstanceOf(Uint8Array);
      expect(sealed.iv.length).toBe(12);
      ivs.add(Array.from(sealed.iv).join(','));
    }
    expect(ivs.size).toBe(20);
  });

  it('fails when the binding differs (ciphertext moved to another record)', async () => {
    const key = await newDataKey();
    const sealed = await seal(key, 'keyferry:credential:a:v1', value);
    await expect(open(key, 'keyferry:credential:b:v1', sealed)).rejects.toThrow();
    await expect(open(key, 'keyferry:credential:a:v2', sealed)).rejects.toThrow();
  });

  it('fails under another key', async () => {
    const sealed = await seal(await newDataKey(), 'b', value);
    await expect(open(await newDataKey(), 'b', sealed)).rejects.toThrow();
  });

  it('rejects truncated ciphertext', async () => {
    const key = await newDataKey();
    const sealed = await seal(key, 'b', value);
    await expect(open(key, 'b', { iv: sealed.iv, data: sealed.data.slice(0, sealed.data.byteLength - 1) })).rejects.toThrow();
    await expect(open(key, 'b', { iv: sealed.iv, data: sealed.data.slice(0, 10) })).rejects.toThrow();
    await expect(open(key, 'b', { iv: sealed.iv, data: new ArrayBuffer(0) })).rejects.toThrow();
  });

  it('rejects a bit flip anywhere in the ciphertext or IV', async () => {
    const key = await newDataKey();
    const sealed = await seal(key, 'b', value);
    const length = sealed.data.byteLength;
    for (const at of [0, Math.floor(length / 2), length - 1]) {
      const data = sealed.data.slice(0);
      new Uint8Array(data)[at]! ^= 0x01;
      await expect(open(key, 'b', { iv: sealed.iv, data }), `byte ${at}`).rejects.toThrow();
    }
    const iv = sealed.iv.slice();
    iv[0]! ^= 0x80;
    await expect(open(key, 'b', { iv, data: sealed.data })).rejects.toThrow();
  });
});
