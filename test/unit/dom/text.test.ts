import { describe, expect, it } from 'vitest';
import { cleanValue, compactLabel, isMasked, labelScore, normaliseLabel, normaliseName } from '@/lib/dom/text';

describe('cleanValue', () => {
  it('removes zero-width characters', () => {
    expect(cleanValue('ab\u200Bcd')).toBe('abcd');
    expect(cleanValue('\uFEFFtoken')).toBe('token');
    expect(cleanValue('a\u200Cb\u200Dc\u2060d\u00ADe')).toBe('abcde');
  });

  it('turns NBSP and runs of whitespace into one space and trims', () => {
    expect(cleanValue('a\u00A0b')).toBe('a b');
    expect(cleanValue('  a \t\n b  ')).toBe('a b');
    expect(cleanValue('\u00A0\u200B value \u200B\u00A0')).toBe('value');
  });

  it('leaves ordinary values untouched', () => {
    expect(cleanValue('Abc-123_xyz')).toBe('Abc-123_xyz');
  });
});

describe('normaliseLabel', () => {
  it('lower-cases and strips trailing colon, asterisk and " toggle"', () => {
    expect(normaliseLabel('API Token:')).toBe('api token');
    expect(normaliseLabel('API Secret Key *')).toBe('api secret key');
    expect(normaliseLabel('Client Secret*:')).toBe('client secret');
    expect(normaliseLabel('  Password toggle ')).toBe('password');
    expect(normaliseLabel('Maintenance\u00A0 ID')).toBe('maintenance id');
  });

  it('keeps inner colons and does not strip "toggle" without a preceding space', () => {
    expect(normaliseLabel('Mode: Basic')).toBe('mode: basic');
    expect(normaliseLabel('Autotoggle')).toBe('autotoggle');
  });

  it('compactLabel removes spaces', () => {
    expect(compactLabel('Maintenance Integration:')).toBe(compactLabel('MaintenanceIntegration'));
  });
});

describe('labelScore', () => {
  it('2 for exact after normalisation', () => {
    expect(labelScore('API Token:', 'api token')).toBe(2);
    expect(labelScore('Client  Secret *', 'Client Secret')).toBe(2);
    expect(labelScore('MaintenanceIntegration', 'Maintenance Integration')).toBe(2);
  });

  it('1 when the label contains the wanted text as whole words', () => {
    expect(labelScore('Your API Token (keep safe)', 'API Token')).toBe(1);
    expect(labelScore('Site Identifier', 'identifier')).toBe(1);
  });

  it('0 for a partial word match', () => {
    expect(labelScore('Identifiers', 'identifier')).toBe(0);
    expect(labelScore('Tokenised', 'token')).toBe(0);
  });

  it('0 for similar but different labels', () => {
    expect(labelScore('API Secret Key', 'Client Secret')).toBe(0);
    expect(labelScore('Client Secret', 'API Secret Key')).toBe(0);
    expect(labelScore('Maintenance ID', 'Maintenance User')).toBe(0);
    expect(labelScore('Maintenance User', 'Maintenance ID')).toBe(0);
  });

  it('0 for empty labels', () => {
    expect(labelScore('', 'API Token')).toBe(0);
    expect(labelScore('API Token', '  ')).toBe(0);
  });

  it('regex metacharacters in the wanted text are literal', () => {
    expect(labelScore('a.b', 'a+b')).toBe(0);
    expect(labelScore('cost (usd)', '(usd)')).toBe(1);
  });
});

describe('normaliseName', () => {
  it('"#", case and spacing do not matter', () => {
    const a = normaliseName('Maple Street #12');
    const b = normaliseName('maple street 12');
    expect(a.replace(/\s/g, '')).toBe(b.replace(/\s/g, ''));
    expect(a.replace(/\s/g, '')).toBe('maplestreet12');
  });

  it('en and em dashes are treated like hyphens / spaces', () => {
    expect(normaliseName('North\u2013Side')).toBe(normaliseName('North-Side'));
    expect(normaliseName('North\u2014Side')).toBe('north side');
    expect(normaliseName('North \u2013 Side')).toBe('north side');
  });

  it('accents and zero-width characters are ignored', () => {
    expect(normaliseName('Caf\u00E9 Ren\u00E9')).toBe('cafe rene');
    expect(normaliseName('Ma\u200Bple')).toBe('maple');
  });

  it('different names stay different', () => {
    expect(normaliseName('Maple Street 12')).not.toBe(normaliseName('Maple Street 13'));
  });
});

describe('isMasked', () => {
  it.each(['••••••', '****abcd', '●●●●●●●●', '* * * * * *', '········', '••••1234'])('%s is masked', (v) => {
    expect(isMasked(v)).toBe(true);
  });

  it.each([
    'a1b2c3d4e5f6',
    'f3a9c2e1-4b7d-4e2a-9c11-2b3d4e5f6a7b',
    'abc*def',
    '**',
    'ab****cdefgh',
    '',
  ])('%s is not masked', (v) => {
    expect(isMasked(v)).toBe(false);
  });
});
