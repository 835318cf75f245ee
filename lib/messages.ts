import { z } from 'zod/mini';
import { SiteSchema } from './vault/records';
import { PAGE_KINDS } from './page-kinds';

// Every message between contexts, one schema each; the types come from the schemas.

const short = z.string().check(z.maxLength(500));
const value = z.string().check(z.maxLength(4_096));
const tabId = z.number().check(z.int(), z.gte(0));

export const PageKindSchema = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKindSchema>;

// ---- What a content script reads from a page ----

export const TenantReadSchema = z.object({
  name: short,
  source: z.enum(['page', 'host']),
});

export const MaintenanceApiReadSchema = z.object({
  kind: z.literal('maintenance-api'),
  tenant: z.nullable(TenantReadSchema),
  apiToken: z.nullable(value),
  apiSecretKey: z.nullable(value),
  problems: z.array(short),
});

export const SitesReadSchema = z.object({
  kind: z.literal('maintenance-sites'),
  tenant: z.nullable(TenantReadSchema),
  sites: z.array(SiteSchema).check(z.maxLength(200_000)),
  rowsSeen: z.number(),
  problems: z.array(short),
});

export const FacilityReadSchema = z.object({
  kind: z.literal('edge-facility'),
  facilityName: z.nullable(short),
  address: z.nullable(short),
  problems: z.array(short),
});

export const TimusCardSchema = z.object({
  title: short,
  clientId: value,
  clientSecret: z.nullable(value),
  applicationType: z.nullable(z.enum(['Active Directory', 'Custom'])),
  /** As the page shows it: the background parses dates (lib/dates.ts), keeping page scripts small. */
  expiration: z.nullable(short),
});

export const TimusReadSchema = z.object({
  kind: z.literal('timus-api-access'),
  cards: z.array(TimusCardSchema),
  problems: z.array(short),
});

export const ApiKeyRowSchema = z.object({
  name: short,
  description: z.nullable(z.string().check(z.maxLength(2_000))),
  role: z.enum(['ADMIN', 'READONLY']),
  lastLogin: short,
});

export const ApiKeysReadSchema = z.object({
  kind: z.literal('api-keys'),
  keys: z.array(ApiKeyRowSchema),
  sharedSecret: z.nullable(value),
  problems: z.array(short),
});

export const PageReadSchema = z.discriminatedUnion('kind', [
  MaintenanceApiReadSchema,
  SitesReadSchema,
  FacilityReadSchema,
  TimusReadSchema,
  ApiKeysReadSchema,
]);
export type MaintenanceApiRead = z.infer<typeof MaintenanceApiReadSchema>;
export type SitesRead = z.infer<typeof SitesReadSchema>;
export type FacilityRead = z.infer<typeof FacilityReadSchema>;
export type TimusRead = z.infer<typeof TimusReadSchema>;
export type ApiKeysRead = z.infer<typeof ApiKeysReadSchema>;
export type PageRead = z.infer<typeof PageReadSchema>;

// ---- Fill plans and reports ----

export const AccountPlanSchema = z.object({
  kind: z.literal('edge-account'),
  maintenanceId: value,
  maintenanceUser: value,
  clientSecret: value,
  maintenancePassword: value,
  save: z.boolean(),
});
export const FacilityPlanSchema = z.object({
  kind: z.literal('edge-facility'),
  siteIdentifier: value,
  save: z.boolean(),
});
export const FillPlanSchema = z.discriminatedUnion('kind', [AccountPlanSchema, FacilityPlanSchema]);
export type AccountPlan = z.infer<typeof AccountPlanSchema>;
export type FacilityPlan = z.infer<typeof FacilityPlanSchema>;
export type FillPlan = z.infer<typeof FillPlanSchema>;

export const FieldReportSchema = z.object({
  field: short,
  status: z.enum(['filled', 'already-correct', 'not-found', 'rejected-by-page', 'not-visible', 'saved', 'not-saved']),
});
export type FieldReport = z.infer<typeof FieldReportSchema>;

export const DetectionSchema = z.object({
  kinds: z.array(PageKindSchema),
  origin: short,
  title: short,
});
export type Detection = z.infer<typeof DetectionSchema>;

// ---- background -> content script ----

export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('keyferry:detect') }),
  z.object({ type: z.literal('keyferry:read'), kind: z.optional(PageKindSchema) }),
  z.object({ type: z.literal('keyferry:fill'), plan: FillPlanSchema }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

// ---- content script -> background (the inline button, on a trusted click) ----

export const InlineRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('keyferry:inline-fill'), kind: z.enum(['edge-account', 'edge-facility']) }),
  z.object({ type: z.literal('keyferry:inline-eligible') }),
]);

// ---- popup / options -> background ----

export const PopupRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), tabId: z.optional(tabId) }),
  z.object({ type: z.literal('create'), passphrase: z.string().check(z.maxLength(1_024)) }),
  z.object({ type: z.literal('unlock'), passphrase: z.string().check(z.maxLength(1_024)) }),
  z.object({ type: z.literal('lock') }),
  z.object({ type: z.literal('capture'), tabId, tenantName: z.optional(short) }),
  z.object({ type: z.literal('fill'), tabId, tenantId: z.optional(short), siteIdentifier: z.optional(short) }),
  z.object({ type: z.literal('transfer'), fromTabId: tabId, toTabId: z.optional(tabId) }),
  z.object({ type: z.literal('reveal'), credentialId: short, field: short }),
  z.object({ type: z.literal('clipboard-copied'), credentialId: short, field: short }),
  z.object({ type: z.literal('select-tenant'), tenantId: short }),
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('import'), file: z.unknown(), passphrase: z.string().check(z.maxLength(1_024)) }),
  z.object({ type: z.literal('settings') }),
  z.object({
    type: z.literal('settings-set'),
    maintenanceUser: z.optional(z.enum(['Unspecified', ''])),
    saveAfterFill: z.optional(z.boolean()),
    autoLockMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24 * 60))),
  }),
  z.object({ type: z.literal('origin-add'), role: z.enum(['maintenance', 'edge']), origin: z.string().check(z.maxLength(300)) }),
  z.object({ type: z.literal('origin-remove'), role: z.enum(['maintenance', 'edge']), origin: z.string().check(z.maxLength(300)) }),
  z.object({ type: z.literal('audit') }),
  z.object({ type: z.literal('delete-vault'), confirm: z.string().check(z.maxLength(100)) }),
  z.object({
    type: z.literal('change-passphrase'),
    oldPassphrase: z.string().check(z.maxLength(1_024)),
    newPassphrase: z.string().check(z.maxLength(1_024)),
  }),
]);
export type PopupRequest = z.infer<typeof PopupRequestSchema>;

/** Background → offscreen document: clear the clipboard if it still holds the text with this SHA-256. */
export const ClipboardClearSchema = z.object({
  type: z.literal('keyferry:clipboard-clear-if'),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type ClipboardClear = z.infer<typeof ClipboardClearSchema>;
