// Where the unlocked data key lives (storage.session + this worker), the auto-lock alarm, and the
// wrong-passphrase throttle: after 5 failures 30 s, doubling, at most 15 min (keys.ts).
// WXT's fakeBrowser implements storage.session and alarms in memory; setup.ts resets it per test.

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  AUTO_LOCK_ALARM,
  clearFailures,
  delayAfter,
  forgetKey,
  recallKey,
  recordFailure,
  rememberKey,
  touchAutoLock,
  unlockWait,
} from '@/lib/background/keys';
import { writeValue } from '@/lib/background/settings-store';
import { newDataKey } from '@/lib/vault/crypto';

const SESSION_KEY = 'keyferry.dataKey';
const iv = new Uint8Array(12);
const plain = new TextEncoder().encode('API Secret Key');

async function sessionValue(): Promise<unknown> {
  return (await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY];
}

/** Whether `other` decrypts what `key` encrypted: the same AES key, not just any key. */
async function sameKey(key: CryptoKey, other: CryptoKey): Promise<boolean> {
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, other, sealed);
    return new TextDecoder().decode(opened) === 'API Secret Key';
  } catch {
    return false;
  }
}

describe('rememberKey / recallKey / forgetKey', () => {
  it('recalls the very key that was remembered', async () => {
    const key = await newDataKey();
    await rememberKey(key);
    const recalled = await recallKey();
    expect(recalled).not.toBeNull();
    expect(await sameKey(key, recalled!)).toBe(true);
    expect(await sameKey(await newDataKey(), recalled!)).toBe(false);
  });

  it('keeps the key in storage.session as exported text, never in storage.local', async () => {
    await rememberKey(await newDataKey());
    expect(typeof (await sessionValue())).toBe('string');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('recalls nothing when nothing was remembered (a browser restart starts locked)', async () => {
    expect(await recallKey()).toBeNull();
  });

  it('recalls nothing from a stored value that is not a key, and clears it', async () => {
    for (const junk of [42, { k: 'v' }, ['a'], true]) {
      await fakeBrowser.storage.session.set({ [SESSION_KEY]: junk });
      expect(await recallKey()).toBeNull();
    }
    for (const junk of ['', 'AAAA', 'not base64 at all!', 'A'.repeat(10_000)]) {
      await fakeBrowser.storage.session.set({ [SESSION_KEY]: junk });
      await touchAutoLock(15);
      expect(await recallKey(), JSON.stringify(junk.slice(0, 20))).toBeNull();
      expect(await sessionValue()).toBeUndefined();
      expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    }
  });

  it('forgetKey removes the key and the auto-lock alarm', async () => {
    await rememberKey(await newDataKey());
    await touchAutoLock(15);
    await forgetKey();
    expect(await sessionValue()).toBeUndefined();
    expect(await recallKey()).toBeNull();
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
  });

  it('forgetKey when already locked is harmless', async () => {
    await expect(forgetKey()).resolves.toBeUndefined();
    expect(await recallKey()).toBeNull();
  });
});

describe('touchAutoLock', () => {
  it('(re)starts one idle alarm, the given minutes from now', async () => {
    const before = Date.now();
    await touchAutoLock(15);
    await touchAutoLock(30);
    const all = await fakeBrowser.alarms.getAll();
    expect(all.map((a) => a.name)).toEqual([AUTO_LOCK_ALARM]);
    const at = all[0]!.scheduledTime;
    expect(at).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
  });

  it('never sets a delay under one minute', async () => {
    for (const minutes of [0, -5, 0.01]) {
      const before = Date.now();
      await touchAutoLock(minutes);
      const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
      expect(alarm!.scheduledTime - before, String(minutes)).toBeGreaterThanOrEqual(60_000);
    }
  });
});

describe('delayAfter', () => {
  it('lets the first four wrong passphrases through at once', () => {
    for (const n of [0, 1, 2, 3, 4]) expect(delayAfter(n)).toBe(0);
  });

  it('waits 30 s after the fifth, doubling each time', () => {
    expect(delayAfter(5)).toBe(30_000);
    expect(delayAfter(6)).toBe(60_000);
    expect(delayAfter(7)).toBe(120_000);
    expect(delayAfter(9)).toBe(480_000);
  });

  it('never waits more than 15 minutes', () => {
    expect(delayAfter(10)).toBe(15 * 60_000);
    expect(delayAfter(50)).toBe(15 * 60_000);
    expect(delayAfter(10_000)).toBe(15 * 60_000);
  });

  it('treats a negative count as no failures', () => {
    expect(delayAfter(-1)).toBe(0);
  });
});

describe('recordFailure / unlockWait / clearFailures', () => {
  const now = 1_800_000_000_000;
  beforeEach(async () => {
    // The counter lives in the settings IndexedDB, which outlives fakeBrowser.reset().
    await clearFailures();
  });

  it('counts failures and makes the admin wait after the fifth', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) waits.push(await recordFailure(now));
    expect(waits).toEqual([0, 0, 0, 0, 30_000, 60_000, 120_000]);
    expect(await unlockWait(now)).toBe(120_000);
    expect(await unlockWait(now + 100_000)).toBe(20_000);
    expect(await unlockWait(now + 120_000)).toBe(0);
    expect(await unlockWait(now + 10 * 60_000)).toBe(0);
  });

  it('concurrent wrong guesses are all counted: ten at once still set the delay', async () => {
    const waits = await Promise.all(Array.from({ length: 10 }, () => recordFailure(now)));
    expect([...waits].sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(await unlockWait(now)).toBe(900_000);
  });

  it('has no wait before any failure', async () => {
    expect(await unlockWait(now)).toBe(0);
  });

  it('clearFailures (a correct passphrase) starts the count again', async () => {
    for (let i = 0; i < 6; i++) await recordFailure(now);
    expect(await unlockWait(now)).toBeGreaterThan(0);
    await clearFailures();
    expect(await unlockWait(now)).toBe(0);
    expect(await recordFailure(now)).toBe(0);
  });

  it('survives a stored counter that is not valid: treated as no failures', async () => {
    for (const junk of ['garbage', { count: 'many', until: 'later' }, null, 7]) {
      await writeValue('keyferry.unlockFailures', junk);
      expect(await unlockWait(now)).toBe(0);
      expect(await recordFailure(now)).toBe(0);
      await clearFailures();
    }
  });
});
