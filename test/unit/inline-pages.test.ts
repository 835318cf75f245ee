// Which pages get the inline button's script: the address and title a tab shows, and the pages
// Keyferry filled before. Pure functions: no browser.

import { describe, expect, it } from 'vitest';
import { MAX_LEARNED_PAGES, isInlineCandidate, namesFormPage, pageKey, wordsOf, withLearned } from '@/lib/inline-pages';

describe('wordsOf', () => {
  it('splits camel case, dashes, underscores and punctuation into lower-case words', () => {
    expect(wordsOf('/admin/AccountSettings')).toEqual(['admin', 'account', 'settings']);
    expect(wordsOf('data_vendor-mapping.html')).toEqual(['data', 'vendor', 'mapping', 'html']);
    expect(wordsOf('Facility Profile – Titan Cloud Edge')).toEqual(['facility', 'profile', 'titan', 'cloud', 'edge']);
    expect(wordsOf('')).toEqual([]);
  });

  it('reads a bounded prefix of a huge text', () => {
    expect(wordsOf('x'.repeat(10_000) + ' account')).not.toContain('account');
  });
});

describe('pageKey', () => {
  it('wildcards ids in the path and keeps the words', () => {
    expect(pageKey('https://edge.example.com/facilities/8842/profile?tab=misc')).toBe('https://edge.example.com/facilities/*/profile');
    expect(pageKey('https://edge.example.com/Admin/Account-Settings')).toBe('https://edge.example.com/admin/account-settings');
    expect(pageKey('https://edge.example.com/f/3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe('https://edge.example.com/f/*');
    expect(pageKey('https://edge.example.com/f/AbCdEfGhIjKlMnOpQrStUv')).toBe('https://edge.example.com/f/*');
  });

  it('keeps a client-side route in the fragment, ids wildcarded, and drops a plain anchor', () => {
    expect(pageKey('https://edge.example.com/app/#/facility/12?x=1')).toBe('https://edge.example.com/app/#/facility/*');
    expect(pageKey('https://edge.example.com/app#!/settings')).toBe('https://edge.example.com/app#/settings');
    expect(pageKey('https://edge.example.com/profile#misc-information')).toBe('https://edge.example.com/profile');
  });

  it('keeps the port, so another server on the same host is another page', () => {
    expect(pageKey('http://127.0.0.1:4173/edge/console.html')).toBe('http://127.0.0.1:4173/edge/console.html');
  });

  it('is null for anything that is not an http(s) address', () => {
    for (const bad of [undefined, '', 'not a url', 'chrome://extensions', 'file:///etc/passwd', 'javascript:alert(1)', `https://e.com/${'a'.repeat(5_000)}`]) {
      expect(pageKey(bad)).toBeNull();
    }
  });
});

describe('isInlineCandidate', () => {
  it('takes a page whose address names an Edge form page', () => {
    expect(isInlineCandidate('https://edge.example.com/admin/account-settings', 'Titan Cloud Edge', [])).toBe(true);
    expect(isInlineCandidate('https://edge.example.com/facilities/12', 'Titan Cloud Edge', [])).toBe(true);
    expect(isInlineCandidate('https://edge.example.com/app?page=DataVendorMapping', undefined, [])).toBe(true);
    expect(isInlineCandidate('https://edge.example.com/app/#/misc-information', undefined, [])).toBe(true);
  });

  it('takes a page whose title names one, whatever its address', () => {
    expect(isInlineCandidate('https://edge.example.com/app', 'Account Settings - Titan Cloud Edge', [])).toBe(true);
    expect(isInlineCandidate('https://edge.example.com/app', 'Facility Profile', [])).toBe(true);
  });

  it('leaves out a page that names none and was never filled', () => {
    expect(isInlineCandidate('https://edge.example.com/dashboard?r=1', 'Orders dashboard', [])).toBe(false);
    expect(isInlineCandidate('https://edge.example.com/', 'Titan Cloud Edge', [])).toBe(false);
    // A word inside another word is not that word.
    expect(isInlineCandidate('https://edge.example.com/accountant/profiler', 'Settingsville', [])).toBe(false);
  });

  it('takes a page of a kind Keyferry filled before, any id', () => {
    const learned = [pageKey('https://edge.example.com/app/v/123')!];
    expect(isInlineCandidate('https://edge.example.com/app/v/987?y=2', 'Titan Cloud Edge', learned)).toBe(true);
    expect(isInlineCandidate('https://edge.example.com/app/w/987', 'Titan Cloud Edge', learned)).toBe(false);
    expect(isInlineCandidate('https://other.example.com/app/v/123', 'Titan Cloud Edge', learned)).toBe(false);
  });

  it('never takes a page that is not http(s)', () => {
    expect(isInlineCandidate('chrome://settings', 'Account Settings', [])).toBe(false);
    expect(isInlineCandidate(undefined, 'Account Settings', [])).toBe(false);
  });
});

describe('namesFormPage', () => {
  it('is true for SPEC §1 page and section names, false for other words', () => {
    for (const yes of ['Account Settings', 'Facility Profile', 'Data Vendor Mapping', 'MaintenanceIntegration', 'Misc Information']) expect(namesFormPage(yes)).toBe(true);
    for (const no of ['Titan Cloud Edge', 'Orders dashboard', '', 'Tank Inventory (3)']) expect(namesFormPage(no)).toBe(false);
  });
});

describe('withLearned', () => {
  it('puts the page first once, and drops the oldest past the cap', () => {
    expect(withLearned(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    const full = Array.from({ length: MAX_LEARNED_PAGES }, (_, i) => `p${i}`);
    const next = withLearned(full, 'new');
    expect(next).toHaveLength(MAX_LEARNED_PAGES);
    expect(next[0]).toBe('new');
    expect(next).not.toContain(`p${MAX_LEARNED_PAGES - 1}`);
  });
});
