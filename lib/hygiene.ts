// The reviews the vendor articles tell admins to do by hand: expiry, over-privileged keys,
// unused and idle keys, and secrets overdue for rotation. Pure: the clock is a parameter.

import { pageDateTime } from './dates';
import type { Credential } from './vault/records';

export const DAY = 24 * 60 * 60 * 1000;
export const EXPIRY_WARNING_DAYS = 14;
export const IDLE_DAYS = 90;
export const ROTATION_DAYS = 180;

export interface HygieneWarning {
  credentialId: string;
  title: string;
  rule: 'expired' | 'expiring' | 'admin' | 'never-used' | 'idle' | 'rotation-due' | 'unreadable-date';
  reason: string;
  /** The date the warning rests on, as shown or as captured. */
  basedOn: string;
}

function days(ms: number): number {
  return Math.floor(ms / DAY);
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function reviewCredential(credential: Credential, now: number): HygieneWarning[] {
  const out: HygieneWarning[] = [];
  const warn = (rule: HygieneWarning['rule'], reason: string, basedOn: string) =>
    out.push({ credentialId: credential.id, title: credential.title, rule, reason, basedOn });

  if (credential.system === 'timus' && credential.expiration) {
    const expires = pageDateTime(credential.expiration);
    if (expires === null && !credential.expiration.never) {
      warn('unreadable-date', `Expiration date “${credential.expiration.text}” could not be read: check it on the page.`, credential.expiration.text);
    } else if (expires !== null && expires < now) {
      warn('expired', `Expired ${days(now - expires)} day(s) ago.`, credential.expiration.text);
    } else if (expires !== null && expires - now <= EXPIRY_WARNING_DAYS * DAY) {
      warn('expiring', `Expires in ${Math.ceil((expires - now) / DAY)} day(s).`, credential.expiration.text);
    }
  }
  if (credential.system === 'api-key') {
    if (credential.role === 'ADMIN') warn('admin', 'ADMIN key: full administrative privileges; use READONLY where it is enough.', credential.lastLogin.text);
    if (credential.lastLogin.never) warn('never-used', 'Never used: delete it if nobody needs it.', credential.lastLogin.text);
    else {
      const last = pageDateTime(credential.lastLogin);
      if (last === null) warn('unreadable-date', `Last login “${credential.lastLogin.text}” could not be read.`, credential.lastLogin.text);
      else if (now - last > IDLE_DAYS * DAY) warn('idle', `Idle for ${days(now - last)} days (over ${IDLE_DAYS}).`, credential.lastLogin.text);
    }
  }
  const rotates = credential.system === 'titan-maintenance' || credential.system === 'timus' || credential.system === 'api-shared-secret';
  if (rotates && now - credential.capturedAt > ROTATION_DAYS * DAY) {
    warn('rotation-due', `Secret unchanged for ${days(now - credential.capturedAt)} days: rotation is due.`, isoDay(credential.capturedAt));
  }
  return out;
}

export function reviewHygiene(credentials: Credential[], now: number): HygieneWarning[] {
  return credentials.flatMap((c) => reviewCredential(c, now));
}
