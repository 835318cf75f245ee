import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyPolicy, parsePolicy } from '@/lib/managed';
import { defaultSettings } from '@/lib/settings';
import { readEffectiveSettings, readSettings, writeSettings } from '@/lib/background/settings-store';

const user = { ...defaultSettings(false), edgeOrigins: ['https://mine.example'], autoLockMinutes: 60, saveAfterFill: true };

describe('parsePolicy', () => {
  it('keeps valid entries and ignores each invalid one with a warning', () => {
    const { policy, warnings } = parsePolicy({
      edgeOrigins: ['https://edge.corp.example', 'not an origin', 'https://x.example:*'],
      saveAfterFill: 'yes',
      autoLockMinutes: 5,
      colour: 'blue',
      maintenanceUser: '',
    });
    expect(policy).toEqual({ edgeOrigins: ['https://edge.corp.example'], autoLockMinutes: 5, maintenanceUser: '' });
    expect(warnings).toHaveLength(3);
    expect(warnings.join(' ')).toMatch(/saveAfterFill/);
    expect(warnings.join(' ')).toMatch(/colour/);
  });
  it('a policy that is not an object is no policy', () => {
    expect(parsePolicy('x')).toEqual({ policy: {}, warnings: [] });
    expect(parsePolicy(null)).toEqual({ policy: {}, warnings: [] });
  });
});

describe('applyPolicy', () => {
  it('managed values win and are locked; origins are added to the admin’s own', () => {
    const effective = applyPolicy(user, parsePolicy({ saveAfterFill: false, edgeOrigins: ['https://edge.corp.example'] }));
    expect(effective.settings.saveAfterFill).toBe(false);
    expect(effective.locked).toEqual(['saveAfterFill']);
    expect(effective.settings.edgeOrigins).toEqual(['https://edge.corp.example', 'https://mine.example']);
    expect(effective.policyOrigins.edge).toEqual(['https://edge.corp.example']);
  });
  it('a maximum auto-lock clamps the admin’s longer choice', () => {
    const effective = applyPolicy(user, parsePolicy({ maxAutoLockMinutes: 30 }));
    expect(effective.settings.autoLockMinutes).toBe(30);
    expect(effective.maxAutoLockMinutes).toBe(30);
  });
  it('export is allowed unless the policy says otherwise', () => {
    expect(applyPolicy(user, parsePolicy({})).allowExport).toBe(true);
    expect(applyPolicy(user, parsePolicy({ allowExport: false })).allowExport).toBe(false);
  });
});

describe('settings store with a managed policy', () => {
  it('reads the policy from storage.managed, and a change at runtime applies on the next read', async () => {
    await writeSettings({ saveAfterFill: true, edgeOrigins: [] });
    expect((await readSettings()).saveAfterFill).toBe(true);
    await fakeBrowser.storage.managed.set({ saveAfterFill: false, edgeOrigins: ['https://edge.corp.example'] });
    const effective = await readEffectiveSettings();
    expect(effective.settings.saveAfterFill).toBe(false);
    expect(effective.settings.edgeOrigins).toContain('https://edge.corp.example');
    // The admin's own choice is kept underneath: when IT drops the entry, it comes back.
    await fakeBrowser.storage.managed.clear();
    expect((await readSettings()).saveAfterFill).toBe(true);
  });
  it('an invalid policy never breaks reading the settings', async () => {
    await fakeBrowser.storage.managed.set({ autoLockMinutes: -3, edgeOrigins: 'https://x.example' });
    const effective = await readEffectiveSettings();
    expect(effective.settings.autoLockMinutes).toBeGreaterThan(0);
    expect(effective.warnings).toHaveLength(2);
  });
});
