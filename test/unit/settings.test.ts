import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from '@/lib/settings';

describe('defaultSettings', () => {
  it('e2e defaults register http://127.0.0.1:* and not localhost', () => {
    const s = defaultSettings(true);
    expect(s.maintenanceOrigins).toEqual(['http://127.0.0.1:*']);
    expect(s.edgeOrigins).toEqual(['http://127.0.0.1:*']);
    const all = [...s.maintenanceOrigins, ...s.edgeOrigins].join(' ');
    expect(all).not.toMatch(/localhost/);
  });

  it('production defaults register nothing', () => {
    const s = defaultSettings(false);
    expect(s.maintenanceOrigins).toEqual([]);
    expect(s.edgeOrigins).toEqual([]);
  });
});

describe('parseSettings', () => {
  const defaults = defaultSettings(false);

  it('keeps valid stored values', () => {
    const stored = {
      maintenanceOrigins: ['https://maint.example.com'],
      edgeOrigins: ['https://edge.example.com'],
      maintenanceUser: '',
      saveAfterFill: true,
      autoLockMinutes: 5,
      selectedTenantId: 't1',
    };
    expect(parseSettings(stored, defaults)).toEqual(stored);
  });

  it('fills missing fields from defaults', () => {
    expect(parseSettings({ autoLockMinutes: 30 }, defaults)).toEqual({ ...defaults, autoLockMinutes: 30 });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'garbage'],
    ['a number', 42],
  ])('non-object stored value (%s) gives defaults', (_label, raw) => {
    expect(parseSettings(raw, defaults)).toEqual(defaults);
  });

  it.each([
    ['autoLockMinutes 0', { autoLockMinutes: 0 }],
    ['autoLockMinutes fractional', { autoLockMinutes: 1.5 }],
    ['autoLockMinutes string', { autoLockMinutes: '15' }],
    ['maintenanceUser unknown', { maintenanceUser: 'root' }],
    ['saveAfterFill string', { saveAfterFill: 'yes' }],
    ['origins not an array', { maintenanceOrigins: 'https://a.example' }],
    ['origin too long', { edgeOrigins: ['https://' + 'a'.repeat(400)] }],
    ['selectedTenantId number', { selectedTenantId: 7 }],
  ])('invalid stored value (%s) falls back to its default', (_label, raw) => {
    const parsed = parseSettings(raw, defaults);
    expect(parsed).toEqual(defaults);
  });

  it("one invalid field falls back alone: the admin's other choices survive", () => {
    const stored = { edgeOrigins: ['https://edge.example.com'], saveAfterFill: true, autoLockMinutes: 'soon' };
    expect(parseSettings(stored, defaults)).toEqual({ ...defaults, edgeOrigins: ['https://edge.example.com'], saveAfterFill: true });
  });

  it('prototype keys in stored settings are ignored', () => {
    const parsed = parseSettings(JSON.parse('{"__proto__": {"saveAfterFill": true}, "constructor": 1}'), defaults);
    expect(parsed).toEqual(defaults);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('invalid values never leak into the result', () => {
    const parsed = parseSettings({ autoLockMinutes: -3, maintenanceOrigins: [1, 2] }, defaultSettings(true));
    expect(parsed.autoLockMinutes).toBe(15);
    expect(parsed.maintenanceOrigins).toEqual(['http://127.0.0.1:*']);
  });
});
