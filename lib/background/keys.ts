// Where the unlocked data key lives: this worker's memory and storage.session (trusted contexts
// only, cleared when the browser closes), so a restarted service worker stays unlocked until
// auto-lock, and a browser restart starts locked.

import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { exportRawKey, importRawKey } from '../vault/crypto';
import { deleteValue, readValue, writeValue } from './settings-store';
import { serialiser } from '../serial';

const SESSION_KEY = 'keyferry.dataKey';
const FAILURES_KEY = 'keyferry.unlockFailures';
export const AUTO_LOCK_ALARM = 'keyferry-auto-lock';

export async function rememberKey(key: CryptoKey): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEY]: await exportRawKey(key) });
}

export async function recallKey(): Promise<CryptoKey | null> {
  const stored = await browser.storage.session.get(SESSION_KEY);
  const raw = stored[SESSION_KEY];
  if (typeof raw !== 'string') return null;
  try {
    return await importRawKey(raw);
  } catch {
    await forgetKey();
    return null;
  }
}

export async function forgetKey(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
  await browser.alarms.clear(AUTO_LOCK_ALARM);
}

/** Restarts the idle timer: called on every action while unlocked. */
export async function touchAutoLock(minutes: number): Promise<void> {
  await browser.alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: Math.max(1, minutes) });
}

// ---- wrong-passphrase throttle: after 5 failures, 30 s, doubling, at most 15 min ----

const FailuresSchema = z.object({ count: z.number(), until: z.number() });
type Failures = z.infer<typeof FailuresSchema>;
const FREE_TRIES = 5;

async function readFailures(): Promise<Failures> {
  const parsed = FailuresSchema.safeParse(await readValue(FAILURES_KEY));
  return parsed.success ? parsed.data : { count: 0, until: 0 };
}

export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_TRIES), 15 * 60_000);
}

/** Milliseconds the admin must still wait before another try. */
export async function unlockWait(now = Date.now()): Promise<number> {
  return Math.max(0, (await readFailures()).until - now);
}

const failureWrites = serialiser();

/** Counted one at a time: concurrent wrong guesses must not overwrite each other's count. */
export function recordFailure(now = Date.now()): Promise<number> {
  return failureWrites(async () => {
    const failures = await readFailures();
    const count = failures.count + 1;
    const until = now + delayAfter(count);
    await writeValue(FAILURES_KEY, { count, until });
    return until - now;
  });
}

export async function clearFailures(): Promise<void> {
  await deleteValue(FAILURES_KEY);
}
