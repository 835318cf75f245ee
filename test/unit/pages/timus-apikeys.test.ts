import { describe, expect, it } from 'vitest';
import { readTimus } from '@/lib/pages/timus';
import { readApiKeys } from '@/lib/pages/api-keys';
import { parsePageDate } from '@/lib/dates';
import { deepElements } from '@/lib/dom/tree';
import { expectedFor, loadFixture } from '../fixtures';

interface TimusWant {
  title: string;
  clientId: string;
  clientSecret?: string;
  applicationType: string;
  expiration: { text: string; iso: string };
}

describe('readTimus on static fixtures', () => {
  const expected = expectedFor('timus');
  for (const [file, entry] of Object.entries(expected).filter(([, e]) => !e.needsScript)) {
    it(file, () => {
      const read = readTimus(deepElements(loadFixture(`timus/${file}`).body));
      const want = (entry.expected as { records: TimusWant[] }).records;
      expect(read?.cards).toHaveLength(want.length);
      want.forEach((w, i) => {
        const got = read!.cards[i]!;
        expect(got.title).toBe(w.title);
        expect(got.clientId).toBe(w.clientId);
        expect(got.clientSecret).toBe(w.clientSecret ?? null);
        expect(got.applicationType).toBe(w.applicationType);
        expect(parsePageDate(got.expiration!).iso).toBe(w.expiration.iso);
      });
      const masked = want.filter((w) => !w.clientSecret).length;
      expect(read!.problems.filter((p) => /masked: reveal it/.test(p))).toHaveLength(masked);
    });
  }
});

interface KeyWant {
  title: string;
  description?: string;
  role: string;
  lastLogin: { text: string; iso: string | null; never?: boolean };
}

describe('readApiKeys on static fixtures', () => {
  const expected = expectedFor('apikeys');
  for (const [file, entry] of Object.entries(expected).filter(([, e]) => !e.needsScript)) {
    it(file, () => {
      const read = readApiKeys(deepElements(loadFixture(`apikeys/${file}`).body));
      const want = entry.expected as { keys: KeyWant[]; sharedSecret?: string };
      expect(read?.keys.map((k) => k.name)).toEqual(want.keys.map((k) => k.title));
      want.keys.forEach((w, i) => {
        const got = read!.keys[i]!;
        expect(got.description).toBe(w.description ?? null);
        expect(got.role).toBe(w.role);
        expect(parsePageDate(got.lastLogin)).toEqual(w.lastLogin);
      });
      expect(read?.sharedSecret).toBe(want.sharedSecret ?? null);
    });
  }

  it('a table without Role and Last Login columns is not an API Keys page', () => {
    document.body.innerHTML = '<table><tr><th>Name</th><th>Size</th></tr><tr><td>a</td><td>1</td></tr></table>';
    expect(readApiKeys(deepElements(document.body))).toBeNull();
  });
});
