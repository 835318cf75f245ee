// The background owns the vault and the policy; popup and content scripts only ask.

import { browser, type Browser } from 'wxt/browser';
import {
  InlineRequestSchema,
  PopupRequestSchema,
  type AccountPlan,
  type Detection,
  type FieldReport,
  type MaintenanceApiRead,
  type PopupRequest,
} from '../messages';
import { isRegistered, matchPattern, originOf, parseOrigin } from '../origins';
import { matchSite } from '../pages/matching';
import type { Settings } from '../settings';
import { deleteVaultDb, openVaultDb, type VaultDatabase } from '../vault/db';
import { forgetInlinePages, learnInlinePage, offerToOpenTabs } from './inline-offer';
import { readEffectiveSettings, readOwnSettings, readSettings, writeSettings } from './settings-store';
import type { Credential, Site, Tenant } from '../vault/records';
import { reviewHygiene } from '../hygiene';
import {
  addAudit,
  auditEntry,
  openSession,
  recordsOf,
  siteListOf,
  storeApiCapture,
  storeMapping,
  storeApiKeysCapture,
  storeSitesCapture,
  storeTimusCapture,
  titanCredentialOf,
  type VaultSession,
} from '../vault/service';
import { changePassphrase, createVault, exportVault, importVault, readMeta, unlockVault } from '../vault/vault';
import { clearFailures, forgetKey, recallKey, recordFailure, rememberKey, touchAutoLock, unlockWait } from './keys';
import { detectTab, fillTab, readTab } from './tabs';
import { setAttention } from './badge';
import { serialiser } from '../serial';
import { armClipboardClear, CLIPBOARD_ALARM, clearClipboardIfUnchanged } from './clipboard';


export type Reply = { ok: true; message: string; [extra: string]: unknown } | { ok: false; reason: string; [extra: string]: unknown };

const LOCKED: Reply = { ok: false, reason: 'Unlock Keyferry first.' };
export const VAULT_NAME = 'Keyferry';

/** "https://Acme.example.com:8443/path" -> "https://acme.example.com:8443"; null if it is not an origin. */
function normaliseOrigin(text: string): string | null {
  const trimmed = text.trim().replace(/\/+$/, '');
  const parsed = parseOrigin(trimmed);
  if (!parsed || parsed.port === '*') return null;
  const defaultPort = parsed.scheme === 'https' ? '443' : '80';
  return `${parsed.scheme}://${parsed.host}${parsed.port === defaultPort ? '' : `:${parsed.port}`}`;
}

let dbPromise: Promise<VaultDatabase> | null = null;
let session: VaultSession | null = null;

function db(): Promise<VaultDatabase> {
  dbPromise ??= openVaultDb();
  return dbPromise;
}

/** The unlocked session, restored from storage.session after the worker was stopped. */
export async function currentSession(): Promise<VaultSession | null> {
  if (session) return session;
  const key = await recallKey();
  if (!key) return null;
  session = await openSession(await db(), key);
  return session;
}

export async function lock(): Promise<void> {
  session = null;
  await forgetKey();
}

async function begin(key: CryptoKey): Promise<VaultSession> {
  const opened = await openSession(await db(), key);
  session = opened;
  await rememberKey(key);
  await touchAutoLock((await readSettings()).autoLockMinutes);
  return opened;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

// ---- tenants and fills ----

function selectedTenant(s: VaultSession, settings: Settings): Tenant | undefined {
  const tenants = recordsOf(s, 'tenant').sort((a, b) => b.capturedAt - a.capturedAt);
  return tenants.find((t) => t.id === settings.selectedTenantId) ?? tenants[0];
}

function accountPlan(s: VaultSession, tenant: Tenant, settings: Settings): AccountPlan | null {
  const credential = titanCredentialOf(s, tenant.id);
  if (!credential) return null;
  // SPEC §1's crossed names.
  return {
    kind: 'edge-account',
    maintenanceId: tenant.name,
    maintenanceUser: settings.maintenanceUser,
    clientSecret: credential.apiSecretKey,
    maintenancePassword: credential.apiToken,
    save: settings.saveAfterFill,
  };
}

function describeFields(fields: FieldReport[]): string {
  return fields.map((f) => `${f.field}: ${f.status.replace(/-/g, ' ')}`).join('; ');
}

function tabOrigin(tab: Browser.tabs.Tab): string | null {
  return originOf(tab.url);
}

async function edgeTab(tabId: number, settings: Settings): Promise<{ ok: true; origin: string; url?: string } | { ok: false; reason: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const origin = tab ? tabOrigin(tab) : null;
  if (!origin || !isRegistered(settings.edgeOrigins, origin)) {
    return {
      ok: false,
      reason: `${origin ?? 'This page'} is not a registered Titan Cloud Edge origin, so Keyferry filled nothing. Register it in Options if it is yours.`,
    };
  }
  return { ok: true, origin, ...(tab?.url ? { url: tab.url } : {}) };
}

async function fillInto(
  s: VaultSession,
  tabId: number,
  tenant: Tenant,
  settings: Settings,
  siteIdentifier: string | undefined,
  action: 'fill' | 'transfer',
): Promise<Reply> {
  const target = await edgeTab(tabId, settings);
  if (!target.ok) return target;
  const detection = await detectTab(tabId);
  if (!detection.ok) return detection;
  const kinds = detection.value.kinds;
  // A page Keyferry recognised gets the inline button from now on, whatever its address and title say.
  if (kinds.includes('edge-account') || kinds.includes('edge-facility')) await learnInlinePage(target.url).catch(() => undefined);
  if (kinds.includes('edge-account') || !kinds.includes('edge-facility')) {
    const plan = accountPlan(s, tenant, settings);
    if (!plan) return { ok: false, reason: `No API credentials are stored for tenant ${tenant.name}: capture them first.` };
    const filled = await fillTab(tabId, plan);
    if (!filled.ok) return filled;
    const done = filled.value.filter((f) => f.status === 'filled' || f.status === 'already-correct').length;
    const message = `Filled ${done} of ${filled.value.length} fields for tenant ${tenant.name}. ${describeFields(filled.value)}`;
    await addAudit(s, auditEntry(action, message, target.origin, Date.now()));
    return { ok: true, message, fields: filled.value };
  }
  return fillFacilityInto(s, tabId, tenant, settings, siteIdentifier, target.origin, action);
}

async function fillFacilityInto(
  s: VaultSession,
  tabId: number,
  tenant: Tenant,
  settings: Settings,
  chosen: string | undefined,
  origin: string,
  action: 'fill' | 'transfer',
): Promise<Reply> {
  const sites = siteListOf(s, tenant.id)?.sites ?? [];
  if (!sites.length) return { ok: false, reason: `No sites are stored for tenant ${tenant.name}: capture Manage > Sites first.` };
  const read = await readTab(tabId, 'edge-facility');
  if (!read.ok) return read;
  if (read.value.kind !== 'edge-facility') return { ok: false, reason: 'This is not a Facility Profile.' };
  const facility = read.value;
  let site: Site | undefined;
  if (chosen) {
    site = sites.find((x) => x.identifier === chosen);
    if (!site) return { ok: false, reason: 'That site is no longer in the vault.' };
  } else {
    const match = matchSite({ name: facility.facilityName, address: facility.address }, sites);
    if (match.status !== 'unique') {
      return {
        ok: false,
        reason:
          match.status === 'ambiguous'
            ? `Several sites could be “${facility.facilityName ?? 'this facility'}”: choose one.`
            : `No site matches “${facility.facilityName ?? 'this facility'}”: choose one.`,
        choices: (match.status === 'ambiguous' ? match.candidates : sites).slice(0, 200),
      };
    }
    site = match.site;
  }
  const filled = await fillTab(tabId, { kind: 'edge-facility', siteIdentifier: site.identifier, save: settings.saveAfterFill });
  if (!filled.ok) return filled;
  const ok = filled.value.some((f) => f.field !== 'Update' && (f.status === 'filled' || f.status === 'already-correct'));
  if (ok && facility.facilityName) {
    await storeMapping(s, {
      edgeOrigin: origin,
      facilityName: facility.facilityName,
      tenantId: tenant.id,
      siteIdentifier: site.identifier,
      siteName: site.name,
    });
  }
  const message = ok
    ? `Mapped facility ${facility.facilityName ?? ''} to site ${site.name}. ${describeFields(filled.value)}`
    : `Could not fill the mapping. ${describeFields(filled.value)}`;
  await addAudit(s, auditEntry(action, ok ? `Mapped facility ${facility.facilityName ?? ''} to site ${site.name}` : 'Mapping fill failed', origin, Date.now()));
  return ok ? { ok: true, message, fields: filled.value } : { ok: false, reason: message, fields: filled.value };
}

// ---- capture ----

async function capture(s: VaultSession, tabId: number, tenantOverride: string | undefined, settings: Settings): Promise<Reply & { tenantId?: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const origin = tab ? tabOrigin(tab) : null;
  if (!origin) return { ok: false, reason: 'Keyferry captures only from web pages (http or https).' };
  const read = await readTab(tabId);
  if (!read.ok) return read;
  const page = read.value;
  const tenantName = (tenantOverride?.trim() || ('tenant' in page ? page.tenant?.name : undefined) || '').trim();
  const needsTenant = page.kind === 'maintenance-api' || page.kind === 'maintenance-sites';
  if (needsTenant && !tenantName) {
    return { ok: false, reason: 'The tenant name is not shown on this page: type it in the Tenant field and capture again.', needsTenant: true };
  }
  const registered = isRegistered(settings.maintenanceOrigins, origin);
  const note = registered ? '' : ` ${origin} is not registered as Titan Maintenance: register it to capture there from any tab.`;
  const offer = registered ? {} : { registerAs: { role: 'maintenance', origin } };
  if (page.kind === 'maintenance-api') {
    const stored = await storeApiCapture(s, page as MaintenanceApiRead, tenantName, origin);
    if (!stored.ok) return stored;
    await writeSettings({ selectedTenantId: stored.value.tenant.id });
    return { ok: true, message: stored.value.message + note, tenantId: stored.value.tenant.id, ...offer };
  }
  if (page.kind === 'maintenance-sites') {
    if (!page.sites.length) return { ok: false, reason: `No sites could be stored. ${page.problems.join(' ')}`.trim() };
    const stored = await storeSitesCapture(s, page, tenantName, origin);
    if (!stored.ok) return stored;
    return { ok: true, message: stored.value.message + note, tenantId: stored.value.tenant.id, ...offer };
  }
  if (page.kind === 'timus-api-access') {
    const stored = await storeTimusCapture(s, page, origin);
    if (!stored.ok) return stored;
    await updateBadge(s);
    return { ok: true, message: stored.value.message };
  }
  if (page.kind === 'api-keys') {
    if (!page.keys.length && !page.sharedSecret) return { ok: false, reason: `No API keys could be read. ${page.problems.join(' ')}`.trim() };
    const stored = await storeApiKeysCapture(s, page, origin);
    if (!stored.ok) return stored;
    await updateBadge(s);
    return { ok: true, message: stored.value.message };
  }
  if (page.kind === 'edge-facility') {
    return { ok: false, reason: 'This is a Titan Cloud Edge page: use Fill page here, and capture on Titan Maintenance.' };
  }
  return { ok: false, reason: 'Nothing to capture on this page yet.' };
}

async function edgeTabsOtherThan(tabId: number, settings: Settings): Promise<Browser.tabs.Tab[]> {
  const tabs = await browser.tabs.query({});
  return tabs.filter((t) => t.id !== tabId && t.id !== undefined && isRegistered(settings.edgeOrigins, tabOrigin(t) ?? ''));
}

// ---- status for the popup (never a secret) ----

async function status(tabId: number | undefined): Promise<Reply> {
  const meta = await readMeta(await db());
  const settings = await readSettings();
  if (!meta) return { ok: true, message: '', vault: 'none' };
  const s = await currentSession();
  if (!s) return { ok: true, message: '', vault: 'locked', waitMs: await unlockWait() };
  await touchAutoLock(settings.autoLockMinutes);
  let page: Detection | null = null;
  let pageOrigin: string | null = null;
  if (tabId !== undefined) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    pageOrigin = tab ? tabOrigin(tab) : null;
    const detected = pageOrigin ? await detectTab(tabId) : null;
    page = detected?.ok ? detected.value : null;
  }
  const tenants = recordsOf(s, 'tenant').sort((a, b) => b.capturedAt - a.capturedAt);
  const selected = selectedTenant(s, settings);
  const credentials = recordsOf(s, 'credential').map((c) => ({
    id: c.id,
    system: c.system,
    title: c.title,
    tenantId: c.system === 'titan-maintenance' ? c.tenantId : undefined,
    capturedAt: c.capturedAt,
    detail: credentialDetail(c),
    hasSecret: c.system !== 'api-key' && (c.system !== 'timus' || !!c.clientSecret),
  }));
  const hygiene = reviewHygiene(recordsOf(s, 'credential'), Date.now());
  await updateBadge(s, hygiene.length);
  const mappings = recordsOf(s, 'mapping');
  const audit = recordsOf(s, 'audit')
    .sort((a, b) => b.at - a.at)
    .slice(0, 10)
    .map((a) => ({ at: a.at, action: a.action, summary: a.summary, origin: a.origin }));
  return {
    ok: true,
    message: '',
    vault: 'unlocked',
    page,
    pageOrigin,
    pageIsEdge: pageOrigin ? isRegistered(settings.edgeOrigins, pageOrigin) : false,
    tenants: tenants.map((t) => ({ id: t.id, name: t.name, capturedAt: t.capturedAt, sites: siteListOf(s, t.id)?.sites.length ?? 0 })),
    selectedTenantId: selected?.id ?? null,
    sites: selected ? (siteListOf(s, selected.id)?.sites ?? []) : [],
    mappings: mappings.map((m) => ({ siteIdentifier: m.siteIdentifier, facilityName: m.facilityName, edgeOrigin: m.edgeOrigin, mappedAt: m.mappedAt })),
    credentials,
    quarantined: s.quarantined,
    hygiene,
    audit,
  };
}

function credentialField(s: VaultSession, credentialId: string, field: string): string | undefined {
  const credential = recordsOf(s, 'credential').find((c) => c.id === credentialId);
  if (!credential) return undefined;
  const fields: Record<string, string | undefined> = {
    apiToken: credential.system === 'titan-maintenance' ? credential.apiToken : undefined,
    apiSecretKey: credential.system === 'titan-maintenance' ? credential.apiSecretKey : undefined,
    clientId: credential.system === 'timus' ? credential.clientId : undefined,
    clientSecret: credential.system === 'timus' ? credential.clientSecret : undefined,
    secret: credential.system === 'api-shared-secret' ? credential.secret : undefined,
  };
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

function credentialDetail(c: Credential): string {
  switch (c.system) {
    case 'timus':
      return [c.applicationType, c.expiration ? `expires ${c.expiration.text}` : null, c.clientSecret ? null : 'secret not captured (masked)'].filter(Boolean).join(' · ');
    case 'api-key':
      return [c.role, c.lastLogin.never ? 'never used' : `last login ${c.lastLogin.text}`, c.description].filter(Boolean).join(' · ');
    case 'api-shared-secret':
      return 'API Shared Secret';
    default:
      return 'Titan Maintenance API Token and API Secret Key';
  }
}

/** The toolbar badge counts hygiene warnings (SPEC §2 Review). */
function updateBadge(s: VaultSession, count = reviewHygiene(recordsOf(s, 'credential'), Date.now()).length): Promise<void> {
  return setAttention(count);
}

// ---- dispatch ----

const unlockAttempts = serialiser();

type Handler<T extends PopupRequest['type']> = (request: Extract<PopupRequest, { type: T }>) => Promise<Reply>;

async function unlocked(work: (s: VaultSession, settings: Settings) => Promise<Reply>): Promise<Reply> {
  const s = await currentSession();
  if (!s) return LOCKED;
  const settings = await readSettings();
  await touchAutoLock(settings.autoLockMinutes);
  return work(s, settings);
}

const handlers: { [T in PopupRequest['type']]: Handler<T> } = {
  status: (r) => status(r.tabId),
  async create(r) {
    const created = await createVault(await db(), r.passphrase);
    if (!created.ok) return created;
    await begin(created.value);
    return { ok: true, message: 'Vault created and unlocked.' };
  },
  // One attempt at a time, so each sees the delay the previous wrong guess set.
  unlock: (r) =>
    unlockAttempts(async () => {
      const wait = await unlockWait();
      if (wait > 0) return { ok: false, reason: `Too many wrong passphrases: try again in ${Math.ceil(wait / 1000)} s.`, waitMs: wait };
      const opened = await unlockVault(await db(), r.passphrase);
      if (!opened.ok) {
        if (opened.reason === 'Wrong passphrase.') {
          const next = await recordFailure();
          return { ok: false, reason: next > 0 ? `Wrong passphrase. Try again in ${Math.ceil(next / 1000)} s.` : 'Wrong passphrase.', waitMs: next };
        }
        return opened;
      }
      await clearFailures();
      const s = await begin(opened.value);
      const quarantine = s.quarantined ? ` ${plural(s.quarantined, 'damaged record')} set aside in quarantine.` : '';
      return { ok: true, message: `Unlocked.${quarantine}` };
    }),
  async lock() {
    await lock();
    await setAttention(0);
    return { ok: true, message: 'Locked.' };
  },
  capture: (r) => unlocked((s, settings) => capture(s, r.tabId, r.tenantName, settings)),
  fill: (r) =>
    unlocked(async (s, settings) => {
      const tenant = (r.tenantId ? recordsOf(s, 'tenant').find((t) => t.id === r.tenantId) : undefined) ?? selectedTenant(s, settings);
      if (!tenant) return { ok: false, reason: 'The vault holds no tenant yet: capture on Titan Maintenance first.' };
      return fillInto(s, r.tabId, tenant, settings, r.siteIdentifier, 'fill');
    }),
  transfer: (r) =>
    unlocked(async (s, settings) => {
      let toTabId = r.toTabId;
      if (toTabId === undefined) {
        const candidates = await edgeTabsOtherThan(r.fromTabId, settings);
        if (!candidates.length) return { ok: false, reason: 'No Titan Cloud Edge tab is open: open Account Settings in Edge, then transfer.' };
        if (candidates.length > 1) {
          return {
            ok: false,
            reason: 'Several Edge tabs are open: choose one.',
            edgeTabs: candidates.map((t) => ({ tabId: t.id, title: t.title ?? '', url: t.url ?? '' })),
          };
        }
        toTabId = candidates[0]!.id!;
      }
      const target = await edgeTab(toTabId, settings);
      if (!target.ok) return target;
      const captured = await capture(s, r.fromTabId, undefined, settings);
      if (!captured.ok) return captured;
      const tenant = recordsOf(s, 'tenant').find((t) => t.id === captured.tenantId);
      if (!tenant) return { ok: false, reason: 'The capture stored no tenant.' };
      const filled = await fillInto(s, toTabId, tenant, settings, undefined, 'transfer');
      return filled.ok
        ? { ...filled, message: `${captured.message} ${filled.message}` }
        : { ...filled, reason: `${captured.message} But the fill failed: ${filled.reason}` };
    }),
  reveal: (r) =>
    unlocked(async (s) => {
      const value = credentialField(s, r.credentialId, r.field);
      return value ? { ok: true, message: '', value } : { ok: false, reason: 'That value is not in the vault.' };
    }),
  'clipboard-copied': (r) =>
    unlocked(async (s) => {
      const value = credentialField(s, r.credentialId, r.field);
      if (!value) return { ok: false, reason: 'That value is not in the vault.' };
      const { clearsWhenClosed } = await armClipboardClear(value);
      return { ok: true, message: '', clearsWhenClosed };
    }),
  'select-tenant': (r) =>
    unlocked(async (s) => {
      const tenant = recordsOf(s, 'tenant').find((t) => t.id === r.tenantId);
      if (!tenant) return { ok: false, reason: 'That tenant is not in the vault.' };
      await writeSettings({ selectedTenantId: tenant.id });
      return { ok: true, message: `Fill page will use tenant ${tenant.name}.` };
    }),
  export: () =>
    unlocked(async () => {
      if (!(await readEffectiveSettings()).allowExport) return { ok: false, reason: 'Your organisation does not allow exporting the vault.' };
      const exported = await exportVault(await db());
      return exported.ok ? { ok: true, message: 'Vault exported.', file: exported.value } : exported;
    }),
  import: (r) =>
    unlocked(async (s) => {
      const imported = await importVault(s.db, s.key, r.file, r.passphrase);
      if (!imported.ok) return imported;
      session = await openSession(s.db, s.key);
      const { added, updated, unchanged, rejected } = imported.value;
      return { ok: true, message: `Imported: ${added} new, ${updated} updated, ${unchanged} unchanged${rejected ? `, ${rejected} unreadable` : ''}.` };
    }),
  async settings() {
    const effective = await readEffectiveSettings();
    return { ok: true, message: '', ...effective };
  },
  async 'settings-set'(r) {
    const effective = await readEffectiveSettings();
    const patch = { maintenanceUser: r.maintenanceUser, saveAfterFill: r.saveAfterFill, autoLockMinutes: r.autoLockMinutes };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    const blocked = entries.filter(([k]) => effective.locked.includes(k as keyof Settings)).map(([k]) => k);
    if (blocked.length) return { ok: false, reason: `Set by your organisation: ${blocked.join(', ')} cannot be changed here.` };
    if (r.autoLockMinutes !== undefined && effective.maxAutoLockMinutes !== null && r.autoLockMinutes > effective.maxAutoLockMinutes) {
      return { ok: false, reason: `Your organisation allows at most ${effective.maxAutoLockMinutes} minutes before auto-lock.` };
    }
    const settings = await writeSettings(Object.fromEntries(entries));
    if (session && patch.autoLockMinutes) await touchAutoLock(settings.autoLockMinutes);
    return { ok: true, message: 'Settings saved.', ...(await readEffectiveSettings()) };
  },
  async 'origin-add'(r) {
    const origin = normaliseOrigin(r.origin);
    if (!origin) return { ok: false, reason: 'Enter an origin like https://acme.titanmaintenance.com (scheme, host and optional port; no path).' };
    const key = r.role === 'edge' ? 'edgeOrigins' : 'maintenanceOrigins';
    if ((await readSettings())[key].includes(origin)) return { ok: true, message: `${origin} is already registered.`, ...(await readEffectiveSettings()) };
    const own = await readOwnSettings();
    await writeSettings({ [key]: [...own[key], origin] });
    await offerToOpenTabs();
    return { ok: true, message: `Registered ${origin} as ${r.role === 'edge' ? 'Titan Cloud Edge' : 'Titan Maintenance'}.`, ...(await readEffectiveSettings()) };
  },
  async 'origin-remove'(r) {
    const key = r.role === 'edge' ? 'edgeOrigins' : 'maintenanceOrigins';
    const effective = await readEffectiveSettings();
    if (effective.policyOrigins[r.role].includes(r.origin)) return { ok: false, reason: `${r.origin} is set by your organisation and cannot be removed here.` };
    const own = await readOwnSettings();
    if (!own[key].includes(r.origin)) return { ok: false, reason: `${r.origin} is not registered.` };
    const next = await writeSettings({ [key]: own[key].filter((o) => o !== r.origin) });
    const stillUsed = [...next.edgeOrigins, ...next.maintenanceOrigins].includes(r.origin);
    const pattern = matchPattern(r.origin);
    if (!stillUsed && pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    if (r.role === 'edge') await forgetInlinePages(r.origin);
    await offerToOpenTabs();
    return { ok: true, message: `${r.origin} is no longer registered.`, ...(await readEffectiveSettings()) };
  },
  audit: () =>
    unlocked(async (s) => ({
      ok: true,
      message: '',
      audit: recordsOf(s, 'audit')
        .sort((a, b) => b.at - a.at)
        .map((a) => ({ at: a.at, action: a.action, summary: a.summary, origin: a.origin })),
    })),
  async 'delete-vault'(r) {
    if (r.confirm !== VAULT_NAME) return { ok: false, reason: `Type ${VAULT_NAME} to confirm: nothing was deleted.` };
    await lock();
    const database = await db();
    database.close();
    dbPromise = null;
    await deleteVaultDb();
    await clearFailures();
    await setAttention(0);
    return { ok: true, message: 'The vault was deleted. Settings and registered origins are kept.' };
  },
  'change-passphrase': (r) =>
    unlocked(async () => {
      const changed = await changePassphrase(await db(), r.oldPassphrase, r.newPassphrase);
      return changed.ok ? { ok: true, message: 'Passphrase changed.' } : changed;
    }),
};

function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Every message is validated and its sender checked before anything runs. */
export async function handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> {
  try {
    if (fromExtensionPage(sender)) {
      const parsed = PopupRequestSchema.safeParse(message);
      if (!parsed.success) return { ok: false, reason: 'Keyferry received a request it does not understand.' };
      const request = parsed.data;
      return await (handlers[request.type] as Handler<typeof request.type>)(request as never);
    }
    const inline = InlineRequestSchema.safeParse(message);
    if (inline.success && sender.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0) {
      if (inline.data.type === 'keyferry:inline-eligible') {
        const origin = originOf(sender.url);
        const registered = !!origin && isRegistered((await readSettings()).edgeOrigins, origin);
        return registered ? { ok: true, message: '' } : { ok: false, reason: 'Not a registered Edge origin.' };
      }
      return await inlineFill(sender.tab.id, sender.url);
    }
    return { ok: false, reason: 'Refused: this request did not come from Keyferry.' };
  } catch {
    return { ok: false, reason: 'Something went wrong inside Keyferry; nothing was changed. Try again.' };
  }
}

/** The page's kind is detected again here: a page script could not choose what gets filled. */
async function inlineFill(tabId: number, url: string | undefined): Promise<Reply> {
  const settings = await readSettings();
  const origin = originOf(url);
  if (!origin || !isRegistered(settings.edgeOrigins, origin)) return { ok: false, reason: 'This origin is not registered as Titan Cloud Edge.' };
  return unlocked(async (s) => {
    const tenant = selectedTenant(s, settings);
    if (!tenant) return { ok: false, reason: 'The vault holds no tenant yet: capture on Titan Maintenance first.' };
    return fillInto(s, tabId, tenant, settings, undefined, 'fill');
  });
}

export async function onAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name === CLIPBOARD_ALARM) return clearClipboardIfUnchanged();
  if (alarm.name !== 'keyferry-auto-lock') return;
  await lock();
  await setAttention(0);
}
