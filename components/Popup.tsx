import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { matchPattern } from '@/lib/origins';
import { send, targetTabId, type Reply } from './api';
import { CreateVault, UnlockVault } from './PassphraseForms';
import { Secret } from './Secret';
import { SiteList, type SiteView, type MappingView } from './SiteList';

interface TenantView {
  id: string;
  name: string;
  sites: number;
}
interface CredentialView {
  id: string;
  system: string;
  title: string;
  tenantId?: string;
  detail?: string;
  hasSecret?: boolean;
}
interface HygieneView {
  credentialId: string;
  title: string;
  rule: string;
  reason: string;
  basedOn: string;
}
interface Status {
  vault: 'none' | 'locked' | 'unlocked';
  page?: { kinds: string[]; origin: string } | null;
  pageOrigin?: string | null;
  tenants?: TenantView[];
  selectedTenantId?: string | null;
  credentials?: CredentialView[];
  sites?: SiteView[];
  mappings?: MappingView[];
  quarantined?: number;
  hygiene?: HygieneView[];
  audit?: { at: number; action: string; summary: string }[];
}

const PAGE_NAMES: Record<string, string> = {
  'maintenance-api': 'Titan Maintenance API tab',
  'maintenance-sites': 'Titan Maintenance Sites list',
  'edge-account': 'Titan Cloud Edge Account Settings',
  'edge-facility': 'Titan Cloud Edge Facility Profile',
  'timus-api-access': 'Timus API Access',
  'api-keys': 'API Keys console',
};

const SECRET_FIELDS: Record<string, [string, string][]> = {
  'titan-maintenance': [
    ['apiToken', 'API Token'],
    ['apiSecretKey', 'API Secret Key'],
  ],
  timus: [
    ['clientId', 'Client ID'],
    ['clientSecret', 'Client Secret'],
  ],
  'api-shared-secret': [['secret', 'API Shared Secret']],
};

interface Pending {
  needsAccess?: string;
  retry?: () => Promise<Reply>;
  choices?: SiteView[];
  edgeTabs?: { tabId: number; title: string; url: string }[];
  registerAs?: { role: 'maintenance' | 'edge'; origin: string };
}

export function Popup() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const [tenantName, setTenantName] = useState('');
  const [pending, setPending] = useState<Pending>({});

  const say = useCallback((text: string, error = false) => setMessage({ text, error }), []);

  const refresh = useCallback(async (tab: number | undefined) => {
    const reply = await send({ type: 'status', ...(tab !== undefined ? { tabId: tab } : {}) });
    if (reply.ok) setStatus(reply as unknown as Status);
    else say(reply.reason ?? 'Keyferry could not read its vault.', true);
  }, [say]);

  useEffect(() => {
    void targetTabId().then((tab) => {
      setTabId(tab);
      return refresh(tab);
    });
  }, [refresh]);

  const run = async (work: () => Promise<Reply>) => {
    setBusy(true);
    say('Working…');
    try {
      const reply = await work();
      setPending({
        choices: reply.choices as SiteView[] | undefined,
        edgeTabs: reply.edgeTabs as Pending['edgeTabs'],
        needsAccess: typeof reply.needsAccess === 'string' ? reply.needsAccess : undefined,
        registerAs: reply.registerAs as Pending['registerAs'],
        retry: work,
      });
      say(reply.ok ? (reply.message ?? 'Done.') : (reply.reason ?? 'That did not work.'), !reply.ok);
      await refresh(tabId);
    } finally {
      setBusy(false);
    }
  };

  const selectedTenant = useMemo(
    () => status?.tenants?.find((t) => t.id === status.selectedTenantId),
    [status],
  );

  if (!status) {
    return (
      <main>
        <h1>Keyferry</h1>
        <p role="status">{message.text || 'Loading…'}</p>
      </main>
    );
  }

  const statusLine = (
    <>
      <p role="status" aria-live="polite" className={`status${message.error ? ' error' : ''}`}>
        {message.text}
      </p>
      {busy ? <progress className="working" aria-label="Working" /> : null}
    </>
  );

  if (status.vault === 'none') {
    return (
      <main>
        <h1>Keyferry</h1>
        <CreateVault busy={busy} onCreate={(passphrase) => void run(() => send({ type: 'create', passphrase }))} />
        {statusLine}
      </main>
    );
  }
  if (status.vault === 'locked') {
    return (
      <main>
        <h1>Keyferry</h1>
        <UnlockVault busy={busy} onUnlock={(passphrase) => void run(() => send({ type: 'unlock', passphrase }))} />
        {statusLine}
      </main>
    );
  }

  const kinds = status.page?.kinds ?? [];
  const noTab = tabId === undefined;
  return (
    <main>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Keyferry</h1>
        <button type="button" className="secondary" onClick={() => void run(() => send({ type: 'lock' }))}>
          Lock
        </button>
      </div>

      <section className="card" aria-labelledby="page-title">
        <h2 id="page-title">This page</h2>
        <p>
          {kinds.length
            ? `Recognised: ${kinds.map((k) => PAGE_NAMES[k] ?? k).join(', ')}.`
            : status.pageOrigin
              ? 'Nothing Keyferry knows on this page yet.'
              : 'Keyferry works on web pages only.'}
        </p>
        <label>
          Tenant (optional; overrides what the page shows)
          <input value={tenantName} onChange={(e) => setTenantName(e.target.value)} placeholder="e.g. acme-fuels" />
        </label>
        <div className="row">
          <button type="button" disabled={busy || noTab} onClick={() => void run(() => send({ type: 'capture', tabId: tabId!, ...(tenantName.trim() ? { tenantName: tenantName.trim() } : {}) }))}>
            Capture from page
          </button>
          <button type="button" disabled={busy || noTab} onClick={() => void run(() => send({ type: 'fill', tabId: tabId! }))}>
            Fill page
          </button>
          <button type="button" disabled={busy || noTab} onClick={() => void run(() => send({ type: 'transfer', fromTabId: tabId! }))}>
            Transfer to Edge
          </button>
        </div>
        {pending.needsAccess && pending.retry ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const pattern = matchPattern(pending.needsAccess!);
              const retry = pending.retry!;
              // Requested in the click, for exactly this origin; then the same action again.
              void browser.permissions.request({ origins: pattern ? [pattern] : [] }).then((granted) =>
                granted ? run(retry) : say(`Access to ${pending.needsAccess} was not granted.`, true),
              );
            }}
          >
            Allow Keyferry on {pending.needsAccess}
          </button>
        ) : null}
        {pending.registerAs ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const { role, origin } = pending.registerAs!;
              const pattern = matchPattern(origin);
              // Requested in the click, for exactly this origin, as Options does.
              void browser.permissions.request({ origins: pattern ? [pattern] : [] }).then(async (granted) => {
                if (!granted) return say(`Access to ${origin} was not granted, so it was not registered.`, true);
                const reply = await send({ type: 'origin-add', role, origin });
                setPending({});
                say(reply.ok ? (reply.message ?? 'Registered.') : (reply.reason ?? 'It could not be registered.'), !reply.ok);
              });
            }}
          >
            Register {pending.registerAs.origin} as {pending.registerAs.role === 'edge' ? 'Titan Cloud Edge' : 'Titan Maintenance'}
          </button>
        ) : null}
        {pending.edgeTabs?.length ? (
          <fieldset>
            <legend>Transfer to which Edge tab?</legend>
            <ul className="plain">
              {pending.edgeTabs.map((t) => (
                <li key={t.tabId}>
                  <button type="button" className="secondary" onClick={() => void run(() => send({ type: 'transfer', fromTabId: tabId!, toTabId: t.tabId }))}>
                    {t.title ? `${t.title} — ` : ''}
                    <span className="muted">{t.url}</span>
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {pending.choices?.length ? (
          <SiteList
            title="Choose the site for this facility"
            sites={pending.choices}
            mappings={[]}
            onChoose={(site) => void run(() => send({ type: 'fill', tabId: tabId!, siteIdentifier: site.identifier }))}
          />
        ) : null}
      </section>
      {statusLine}

      <section className="card" aria-labelledby="tenants-title">
        <h2 id="tenants-title">Tenants</h2>
        {status.tenants?.length ? (
          <label>
            Tenant used by Fill page
            <select value={status.selectedTenantId ?? ''} onChange={(e) => void run(() => send({ type: 'select-tenant', tenantId: e.target.value }))}>
              {status.tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.sites.toLocaleString('en-US')} sites)
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="muted">No tenant yet: open the Titan Maintenance API tab and capture.</p>
        )}
        {status.quarantined ? <p className="status error">{status.quarantined} damaged record(s) are in quarantine.</p> : null}
      </section>

      <section className="card" aria-labelledby="credentials-title">
        <h2 id="credentials-title">Credentials</h2>
        <ul className="plain">
          {(status.credentials ?? []).map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>
              {c.detail ? <div className="muted">{c.detail}</div> : null}
              {(SECRET_FIELDS[c.system] ?? []).filter(([field]) => field !== 'clientSecret' || c.hasSecret).map(([field, label]) => (
                <Secret key={field} credentialId={c.id} field={field} label={label} onStatus={say} />
              ))}
            </li>
          ))}
        </ul>
      </section>

      {status.hygiene?.length ? (
        <section className="card" aria-labelledby="hygiene-title">
          <h2 id="hygiene-title">Needs attention ({status.hygiene.length})</h2>
          <ul className="plain">
            {status.hygiene.map((h) => (
              <li key={`${h.credentialId}-${h.rule}`}>
                <strong>{h.title}</strong>: {h.reason} <span className="muted">(based on {h.basedOn})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {selectedTenant ? (
        <SiteList title={`Sites of ${selectedTenant.name}`} sites={status.sites ?? []} mappings={status.mappings ?? []} />
      ) : null}

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Recent activity</h2>
        <ul className="plain">
          {(status.audit ?? []).map((a, i) => (
            <li key={i} className="muted">
              {new Date(a.at).toLocaleString()}: {a.summary}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
