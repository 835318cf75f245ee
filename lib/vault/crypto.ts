import { z } from 'zod/mini';
import { fromBase64, toBase64 } from './bytes';

// Key hierarchy: passphrase --PBKDF2-SHA-256--> key-encryption key (KEK) --AES-GCM wrap--> data key.
// Records are encrypted with the data key, so changing the passphrase re-wraps one key only.

export const MIN_PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export const KdfParamsSchema = z.object({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().check(z.int(), z.gte(MIN_PBKDF2_ITERATIONS)),
  salt: z.string().check(z.minLength(16)),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const WrappedKeySchema = z.object({
  iv: z.string().check(z.minLength(16)),
  data: z.string().check(z.minLength(16)),
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function newKdfParams(iterations = MIN_PBKDF2_ITERATIONS): KdfParams {
  return {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: Math.max(iterations, MIN_PBKDF2_ITERATIONS),
    salt: toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES))),
  };
}

export async function deriveKek(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', iterations: params.iterations, salt: fromBase64(params.salt) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

const WRAP_AAD = encoder.encode('keyferry:data-key:v1');

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv, additionalData: WRAP_AAD });
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Rejects (OperationError) when the KEK is wrong: AES-GCM's tag is the passphrase check. */
export function unwrapDataKey(wrapped: WrappedKey, kek: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    fromBase64(wrapped.data),
    kek,
    { name: 'AES-GCM', iv: fromBase64(wrapped.iv), additionalData: WRAP_AAD },
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function exportRawKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importRawKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** `binding` becomes AES-GCM additional data: a ciphertext moved to another record fails to open. */
export async function seal(key: CryptoKey, binding: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(binding) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

export async function open(key: CryptoKey, binding: string, sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(binding) },
    key,
    sealed.data,
  );
  return JSON.parse(decoder.decode(plain));
}
