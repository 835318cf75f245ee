import { z } from 'zod/mini';

// Every record the vault stores, validated on write and after every decrypt.
// Record ids are random UUIDs, so nothing identifying is kept in clear beside the ciphertext.

const text = z.string().check(z.minLength(1), z.maxLength(10_000));
const secret = z.string().check(z.minLength(1), z.maxLength(4_096));
const timestamp = z.number().check(z.int(), z.gte(0));
const id = z.string().check(z.minLength(1), z.maxLength(200));
const origin = z.string().check(z.minLength(1), z.maxLength(2_000));

/** A date as the page showed it, with the instant it means when Keyferry could parse it. */
export const PageDateSchema = z.object({
  text: z.string().check(z.maxLength(200)),
  iso: z.nullable(z.string()),
  never: z.optional(z.boolean()),
});

export const TenantSchema = z.object({
  kind: z.literal('tenant'),
  id,
  name: text,
  maintenanceOrigin: z.optional(origin),
  capturedAt: timestamp,
  updatedAt: timestamp,
});

export const TitanCredentialSchema = z.object({
  kind: z.literal('credential'),
  system: z.literal('titan-maintenance'),
  id,
  tenantId: id,
  title: text,
  apiToken: secret,
  apiSecretKey: secret,
  origin,
  capturedAt: timestamp,
  updatedAt: timestamp,
});

export const TimusCredentialSchema = z.object({
  kind: z.literal('credential'),
  system: z.literal('timus'),
  id,
  title: z.string().check(z.minLength(1), z.maxLength(70)),
  clientId: secret,
  clientSecret: z.optional(secret),
  applicationType: z.optional(z.enum(['Active Directory', 'Custom'])),
  expiration: z.optional(PageDateSchema),
  origin,
  capturedAt: timestamp,
  updatedAt: timestamp,
});

export const ApiKeyCredentialSchema = z.object({
  kind: z.literal('credential'),
  system: z.literal('api-key'),
  id,
  title: text,
  description: z.optional(z.string().check(z.maxLength(10_000))),
  role: z.enum(['ADMIN', 'READONLY']),
  lastLogin: PageDateSchema,
  origin,
  capturedAt: timestamp,
  updatedAt: timestamp,
});

export const SharedSecretCredentialSchema = z.object({
  kind: z.literal('credential'),
  system: z.literal('api-shared-secret'),
  id,
  title: text,
  secret,
  origin,
  capturedAt: timestamp,
  updatedAt: timestamp,
});

export const CredentialSchema = z.discriminatedUnion('system', [
  TitanCredentialSchema,
  TimusCredentialSchema,
  ApiKeyCredentialSchema,
  SharedSecretCredentialSchema,
]);

export const SiteSchema = z.object({
  name: text,
  identifier: z.string().check(z.minLength(1), z.maxLength(500)),
  address: z.optional(z.string().check(z.maxLength(2_000))),
  city: z.optional(z.string().check(z.maxLength(500))),
});

/** All sites of one tenant in one record: a 10,000-row list is one encryption, not 10,000. */
export const SiteListSchema = z.object({
  kind: z.literal('sites'),
  id,
  tenantId: id,
  sites: z.array(SiteSchema).check(z.maxLength(200_000)),
  updatedAt: timestamp,
});

export const MappingSchema = z.object({
  kind: z.literal('mapping'),
  id,
  edgeOrigin: origin,
  facilityName: text,
  tenantId: id,
  siteIdentifier: z.string().check(z.minLength(1), z.maxLength(500)),
  siteName: text,
  mappedAt: timestamp,
  updatedAt: timestamp,
});

/** What happened, where and when — never a secret value. */
export const AuditSchema = z.object({
  kind: z.literal('audit'),
  id,
  at: timestamp,
  action: z.enum(['capture', 'fill', 'transfer', 'import', 'export', 'unlock-failed', 'passphrase-changed']),
  origin: z.optional(origin),
  summary: z.string().check(z.maxLength(1_000)),
  updatedAt: timestamp,
});

export const VaultRecordSchema = z.discriminatedUnion('kind', [
  TenantSchema,
  CredentialSchema,
  SiteListSchema,
  MappingSchema,
  AuditSchema,
]);

export type PageDate = z.infer<typeof PageDateSchema>;
export type Tenant = z.infer<typeof TenantSchema>;
export type TitanCredential = z.infer<typeof TitanCredentialSchema>;
export type TimusCredential = z.infer<typeof TimusCredentialSchema>;
export type ApiKeyCredential = z.infer<typeof ApiKeyCredentialSchema>;
export type SharedSecretCredential = z.infer<typeof SharedSecretCredentialSchema>;
export type Credential = z.infer<typeof CredentialSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type SiteList = z.infer<typeof SiteListSchema>;
export type Mapping = z.infer<typeof MappingSchema>;
export type AuditEntry = z.infer<typeof AuditSchema>;
export type VaultRecord = z.infer<typeof VaultRecordSchema>;
export type RecordKind = VaultRecord['kind'];

export function recordKey(record: Pick<VaultRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}
