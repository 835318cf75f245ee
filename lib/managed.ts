// Settings IT pushes by browser policy (storage.managed). Each entry is validated on its own:
// an invalid one is ignored with a visible warning and never breaks the extension. Managed
// values win over the admin's own, and the options page shows them as locked.

import { z } from 'zod/mini';
import { parseOrigin } from './origins';
import type { Settings } from './settings';

const originList = z.array(z.string().check(z.maxLength(300))).check(z.maxLength(500));

const ENTRIES = {
  maintenanceOrigins: originList,
  edgeOrigins: originList,
  maintenanceUser: z.enum(['Unspecified', '']),
  saveAfterFill: z.boolean(),
  autoLockMinutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
  maxAutoLockMinutes: z.number().check(z.int(), z.gte(1), z.lte(24 * 60)),
  allowExport: z.boolean(),
};

export type ManagedKey = keyof typeof ENTRIES;
export type ManagedPolicy = { [K in ManagedKey]?: z.infer<(typeof ENTRIES)[K]> };

export interface ParsedPolicy {
  policy: ManagedPolicy;
  warnings: string[];
}

export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: ManagedPolicy = {};
  const warnings: string[] = [];
  if (typeof raw !== 'object' || raw === null) return { policy, warnings };
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(ENTRIES, key)) {
      warnings.push(`Your organisation's policy sets “${key}”, which Keyferry does not know; it was ignored.`);
      continue;
    }
    const parsed = ENTRIES[key as ManagedKey].safeParse(value);
    if (!parsed.success) {
      warnings.push(`Your organisation's policy value for “${key}” is not valid; it was ignored.`);
      continue;
    }
    if (key === 'maintenanceOrigins' || key === 'edgeOrigins') {
      const list = parsed.data as string[];
      const good = list.filter((o) => parseOrigin(o) && parseOrigin(o)!.port !== '*');
      if (good.length !== list.length) warnings.push(`Some ${key} in your organisation's policy are not origins (scheme://host[:port]); they were ignored.`);
      policy[key] = good.map((o) => o.replace(/\/+$/, '').toLowerCase());
      continue;
    }
    (policy as Record<string, unknown>)[key] = parsed.data;
  }
  return { policy, warnings };
}

export interface EffectiveSettings {
  settings: Settings;
  /** Settings the admin cannot change: set by the organisation. */
  locked: (keyof Settings)[];
  /** Origins added by policy: shown, never removable. */
  policyOrigins: { maintenance: string[]; edge: string[] };
  allowExport: boolean;
  maxAutoLockMinutes: number | null;
  warnings: string[];
}

/** The admin's settings with the policy applied: managed values win, origins are added. */
export function applyPolicy(user: Settings, { policy, warnings }: ParsedPolicy): EffectiveSettings {
  const settings: Settings = { ...user };
  const locked: (keyof Settings)[] = [];
  if (policy.maintenanceUser !== undefined) {
    settings.maintenanceUser = policy.maintenanceUser;
    locked.push('maintenanceUser');
  }
  if (policy.saveAfterFill !== undefined) {
    settings.saveAfterFill = policy.saveAfterFill;
    locked.push('saveAfterFill');
  }
  if (policy.autoLockMinutes !== undefined) {
    settings.autoLockMinutes = policy.autoLockMinutes;
    locked.push('autoLockMinutes');
  }
  const max = policy.maxAutoLockMinutes ?? null;
  if (max !== null && settings.autoLockMinutes > max) settings.autoLockMinutes = max;
  const maintenance = policy.maintenanceOrigins ?? [];
  const edge = policy.edgeOrigins ?? [];
  settings.maintenanceOrigins = [...new Set([...maintenance, ...user.maintenanceOrigins])];
  settings.edgeOrigins = [...new Set([...edge, ...user.edgeOrigins])];
  return {
    settings,
    locked,
    policyOrigins: { maintenance, edge },
    allowExport: policy.allowExport ?? true,
    maxAutoLockMinutes: max,
    warnings,
  };
}
