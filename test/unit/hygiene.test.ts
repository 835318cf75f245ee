import { describe, expect, it } from 'vitest';
import { DAY, reviewCredential } from '@/lib/hygiene';
import type { ApiKeyCredential, TimusCredential } from '@/lib/vault/records';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

function timus(expirationIso: string | null, capturedAt = NOW): TimusCredential {
  return {
    kind: 'credential',
    system: 'timus',
    id: 't',
    title: 'Okta bridge',
    clientId: 'id',
    clientSecret: 'secret-value',
    expiration: { text: expirationIso ?? 'someday', iso: expirationIso },
    origin: 'https://timus.example',
    capturedAt,
    updatedAt: capturedAt,
  };
}

function key(role: 'ADMIN' | 'READONLY', lastLogin: ApiKeyCredential['lastLogin']): ApiKeyCredential {
  return { kind: 'credential', system: 'api-key', id: 'k', title: 'svc', role, lastLogin, origin: 'https://c.example', capturedAt: NOW, updatedAt: NOW };
}

const rules = (warnings: { rule: string }[]) => warnings.map((w) => w.rule);
const iso = (time: number) => new Date(time).toISOString();

describe('expiry', () => {
  it('exactly 14 days ahead is expiring; 14 days and a second is not', () => {
    expect(rules(reviewCredential(timus(iso(NOW + 14 * DAY)), NOW))).toEqual(['expiring']);
    expect(rules(reviewCredential(timus(iso(NOW + 14 * DAY + 1000)), NOW))).toEqual([]);
  });
  it('a date in the past is expired, and says so with the date it rests on', () => {
    const [warning] = reviewCredential(timus('2026-10-31'), NOW);
    expect(warning).toMatchObject({ rule: 'expired', basedOn: '2026-10-31' });
  });
  it('an unreadable date is flagged, not guessed', () => {
    expect(rules(reviewCredential(timus(null), NOW))).toEqual(['unreadable-date']);
  });
});

describe('API keys', () => {
  it('ADMIN keys and never-used keys are flagged', () => {
    expect(rules(reviewCredential(key('ADMIN', { text: 'Never', iso: null, never: true }), NOW))).toEqual(['admin', 'never-used']);
  });
  it('idle means more than 90 days: exactly 90 is fine', () => {
    expect(rules(reviewCredential(key('READONLY', { text: '', iso: iso(NOW - 90 * DAY) }), NOW))).toEqual([]);
    expect(rules(reviewCredential(key('READONLY', { text: '', iso: iso(NOW - 90 * DAY - 1000) }), NOW))).toEqual(['idle']);
  });
});

describe('rotation', () => {
  it('a secret first seen more than 180 days ago is due; exactly 180 is not', () => {
    expect(rules(reviewCredential(timus('2030-01-01', NOW - 180 * DAY), NOW))).toEqual([]);
    expect(rules(reviewCredential(timus('2030-01-01', NOW - 180 * DAY - 1000), NOW))).toEqual(['rotation-due']);
  });
});
