import { describe, expect, it } from 'vitest';
import { badgeFor, registeredKind } from '@/lib/background/badge';

const settings = { maintenanceOrigins: ['https://maint.example.com'], edgeOrigins: ['https://edge.example.com:8443'] };

describe('registeredKind', () => {
  it('names the registered kind of a tab by its exact origin', () => {
    expect(registeredKind('https://maint.example.com/sites?page=2', settings)).toBe('maintenance');
    expect(registeredKind('https://edge.example.com:8443/admin/account', settings)).toBe('edge');
  });

  it.each([
    ['another port', 'https://edge.example.com/admin'],
    ['http instead of https', 'http://maint.example.com/'],
    ['a host that only ends the same', 'https://evil-maint.example.com/'],
    ['a host that only starts the same', 'https://maint.example.com.evil.test/'],
    ['no URL (no permission to see it)', undefined],
    ['not http(s)', 'chrome://extensions/'],
    ['garbage', 'not a url'],
  ])('%s is not recognised', (_label, url) => {
    expect(registeredKind(url, settings)).toBeNull();
  });
});

describe('badgeFor', () => {
  it('a registered tab shows a dot, and the count when credentials need attention', () => {
    expect(badgeFor('edge', 0)).toMatchObject({ text: '•', title: 'Keyferry — this tab is a registered Titan Cloud Edge page' });
    expect(badgeFor('maintenance', 2)).toMatchObject({ text: '•2', title: 'Keyferry — this tab is a registered Titan Maintenance page — 2 credentials need attention' });
  });

  it('any other tab shows the count alone, or nothing', () => {
    expect(badgeFor(null, 0).text).toBe('');
    expect(badgeFor(null, 1)).toMatchObject({ text: '1', title: 'Keyferry — 1 credential needs attention' });
  });

  it('attention is told by colour and words alike, and a huge count still fits', () => {
    expect(badgeFor(null, 3).color).not.toBe(badgeFor(null, 0).color);
    expect(badgeFor('edge', 1234).text).toBe('•99');
    expect(badgeFor(null, -5).text).toBe('');
  });
});
