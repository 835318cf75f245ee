import { z } from 'zod/mini';

export const SettingsSchema = z.object({
  maintenanceOrigins: z.array(z.string().check(z.maxLength(300))),
  edgeOrigins: z.array(z.string().check(z.maxLength(300))),
  maintenanceUser: z.enum(['Unspecified', '']),
  saveAfterFill: z.boolean(),
  autoLockMinutes: z.number().check(z.int(), z.gte(1)),
  selectedTenantId: z.optional(z.string()),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** SPEC §4: the e2e build pre-registers http://127.0.0.1 (any port) as Maintenance and Edge. */
export function defaultSettings(e2e: boolean): Settings {
  const loopback = e2e ? ['http://127.0.0.1:*'] : [];
  return {
    maintenanceOrigins: loopback,
    edgeOrigins: loopback,
    maintenanceUser: 'Unspecified',
    saveAfterFill: false,
    autoLockMinutes: 15,
  };
}

/** Settings as stored, each invalid or missing field replaced by its default rather than breaking. */
export function parseSettings(raw: unknown, defaults: Settings): Settings {
  const source = typeof raw === 'object' && raw ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    if (!Object.hasOwn(source, key)) continue;
    const field = schema.safeParse(source[key]);
    if (field.success) out[key] = field.data;
  }
  return out as Settings;
}
