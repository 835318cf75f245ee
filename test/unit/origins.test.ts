import { describe, expect, it } from 'vitest';
import { isRegistered, matchPattern, originMatches, originOf, parseOrigin } from '@/lib/origins';

describe('originMatches / isRegistered', () => {
  it('matches an exact origin, ignoring case and a trailing slash', () => {
    expect(originMatches('https://maint.example.com', 'https://maint.example.com')).toBe(true);
    expect(originMatches('https://Maint.Example.com/', 'https://maint.example.com')).toBe(true);
    expect(originMatches('https://maint.example.com', 'https://maint.example.com:443')).toBe(true);
    expect(isRegistered(['https://a.example', 'https://maint.example.com'], 'https://maint.example.com')).toBe(true);
  });

  it('port wildcard entry http://127.0.0.1:* matches any port on that host and scheme', () => {
    const entries = ['http://127.0.0.1:*'];
    expect(isRegistered(entries, 'http://127.0.0.1:4173')).toBe(true);
    expect(isRegistered(entries, 'http://127.0.0.1:8080')).toBe(true);
    expect(isRegistered(entries, 'http://127.0.0.1')).toBe(true);
  });

  it('port wildcard does not widen scheme or host', () => {
    const entries = ['http://127.0.0.1:*'];
    expect(isRegistered(entries, 'https://127.0.0.1:4173')).toBe(false);
    expect(isRegistered(entries, 'http://localhost:4173')).toBe(false);
    expect(isRegistered(entries, 'http://127.0.0.2:4173')).toBe(false);
    expect(isRegistered(entries, 'http://127.0.0.1:*')).toBe(false);
  });

  it('refuses another port when the entry names one', () => {
    expect(originMatches('http://127.0.0.1:4173', 'http://127.0.0.1:4174')).toBe(false);
    expect(originMatches('http://127.0.0.1:4173', 'http://127.0.0.1')).toBe(false);
    expect(originMatches('https://maint.example.com', 'https://maint.example.com:8443')).toBe(false);
  });

  it('refuses http vs https', () => {
    expect(originMatches('https://maint.example.com', 'http://maint.example.com')).toBe(false);
    expect(originMatches('http://maint.example.com', 'https://maint.example.com')).toBe(false);
  });

  it('refuses look-alike hosts', () => {
    const entries = ['http://127.0.0.1:*', 'https://maint.example.com'];
    for (const origin of [
      'http://127.0.0.1.evil.com',
      'http://127.0.0.1.evil.com:4173',
      'http://evil127.0.0.1',
      'http://evil127.0.0.1:4173',
      'https://maint.example.com.evil.com',
      'https://evilmaint.example.com',
      'https://maint.example.co',
      'https://xmaint.example.com',
      'https://example.com',
    ]) {
      expect(isRegistered(entries, origin), origin).toBe(false);
    }
  });

  it('userinfo tricks resolve to the real host via originOf and are refused', () => {
    const origin = originOf('http://127.0.0.1@evil.com/path');
    expect(origin).toBe('http://evil.com');
    expect(isRegistered(['http://127.0.0.1:*'], origin!)).toBe(false);
    const origin2 = originOf('https://maint.example.com:pw@evil.com/');
    expect(origin2).toBe('https://evil.com');
    expect(isRegistered(['https://maint.example.com'], origin2!)).toBe(false);
    // The raw string with userinfo is not an origin either.
    expect(originMatches('http://127.0.0.1:*', 'http://127.0.0.1@evil.com')).toBe(false);
  });

  it('garbage entries or origins never match', () => {
    expect(originMatches('not a url', 'not a url')).toBe(false);
    expect(originMatches('ftp://127.0.0.1', 'ftp://127.0.0.1')).toBe(false);
    expect(originMatches('http://127.0.0.1/path', 'http://127.0.0.1/path')).toBe(false);
    expect(isRegistered([], 'http://127.0.0.1')).toBe(false);
  });
});

describe('originOf', () => {
  it('returns the origin of http(s) URLs', () => {
    expect(originOf('https://maint.example.com/a/b?c=1#d')).toBe('https://maint.example.com');
    expect(originOf('http://127.0.0.1:4173/x')).toBe('http://127.0.0.1:4173');
    expect(originOf('https://maint.example.com:443/')).toBe('https://maint.example.com');
  });

  it('returns null for non-http URLs and junk', () => {
    for (const url of [
      'chrome://extensions',
      'chrome-extension://abcdef/popup.html',
      'about:blank',
      'file:///etc/passwd',
      'data:text/html,hi',
      'javascript:alert(1)',
      'ftp://127.0.0.1/',
      'not a url',
      '',
      undefined,
    ]) {
      expect(originOf(url), String(url)).toBeNull();
    }
  });
});

describe('parseOrigin / matchPattern', () => {
  it('parseOrigin fills default ports', () => {
    expect(parseOrigin('https://A.example')).toEqual({ scheme: 'https', host: 'a.example', port: '443' });
    expect(parseOrigin('http://a.example')).toEqual({ scheme: 'http', host: 'a.example', port: '80' });
    expect(parseOrigin('http://a.example:*')).toEqual({ scheme: 'http', host: 'a.example', port: '*' });
  });

  it.each([
    ['a wildcard subdomain', 'https://*.example.com'],
    ['a bare wildcard host', 'https://*'],
    ['a wildcard inside the host', 'https://edge*.example.com'],
    ['user info', 'https://admin@edge.example.com'],
    ['a host ending in a dot', 'https://edge.example.com.'],
    ['spaces', 'https://edge example.com'],
  ])('parseOrigin refuses %s, so no pattern wider than one origin is ever requested', (_label, text) => {
    expect(parseOrigin(text)).toBeNull();
    expect(matchPattern(text)).toBeNull();
  });

  it('parseOrigin accepts IP addresses, localhost and bracketed IPv6', () => {
    expect(parseOrigin('http://127.0.0.1:4173')).toEqual({ scheme: 'http', host: '127.0.0.1', port: '4173' });
    expect(parseOrigin('http://localhost')).toEqual({ scheme: 'http', host: 'localhost', port: '80' });
    expect(parseOrigin('https://[::1]:8443')).toEqual({ scheme: 'https', host: '[::1]', port: '8443' });
  });

  it('matchPattern builds exactly-this-origin patterns', () => {
    expect(matchPattern('http://127.0.0.1:*')).toBe('http://127.0.0.1/*');
    expect(matchPattern('https://maint.example.com')).toBe('https://maint.example.com/*');
    expect(matchPattern('https://maint.example.com:443')).toBe('https://maint.example.com/*');
    expect(matchPattern('http://127.0.0.1:4173')).toBe('http://127.0.0.1:4173/*');
    expect(matchPattern('https://Maint.Example.com:8443/')).toBe('https://maint.example.com:8443/*');
  });

  it('matchPattern refuses non-origins', () => {
    expect(matchPattern('*://*/*')).toBeNull();
    expect(matchPattern('https://*.example.com/path')).toBeNull();
    expect(matchPattern('ftp://example.com')).toBeNull();
    expect(matchPattern('')).toBeNull();
  });
});
