import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { matchPattern } from '@/lib/origins';
import { CLIPBOARD_READ } from '@/lib/clipboard';
import { send, type Reply } from './api';

interface Settings {
  maintenanceOrigins: string[];
  edgeOrigins: string[];
  maintenanceUser: 'Unspecified' | '';
  saveAfterFill: boolean;
  autoLockMinutes: number;
}
interface HygieneRow {
  credentialId: string;
  title: string;
  rule: string;
  reason: string;
  basedOn: string;
}
interface AuditRow {
  at: number;
  action: string;
  summary: string;
  origin?: string;
}

type Say = (text: string, error?: boolean) => void;

interface Policy {
  locked: (keyof Settings)[];
  policyOrigins: { maintenance: string[]; edge: string[] };
  allowExport: boolean;
  maxAutoLockMinutes: number | null;
  warnings: string[];
}

const NO_POLICY: Policy = { locked: [], policyOrigins: { maintenance: [], edge: [] }, allowExport: true, maxAutoLockMinutes: null, warnings: [] };

function policyOf(reply: Reply): Policy {
  return {
    locked: (reply.locked as Policy['locked']) ?? [],
    policyOrigins: (reply.policyOrigins as Policy['policyOrigins']) ?? NO_POLICY.policyOrigins,
    allowExport: reply.allowExport !== false,
    maxAutoLockMinutes: (reply.maxAutoLockMinutes as number | null) ?? null,
    warnings: (reply.warnings as string[]) ?? [],
  };
}

const BY_ORGANISATION = 'Set by your organisation';

/** The optional clipboardRead permission: with it, a copied secret is cleared 30 s later even after the popup closed. */
function ClipboardClearing({ say }: { say: Say }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const supported = 'offscreen' in browser;
  useEffect(() => {
    void browser.permissions.contains(CLIPBOARD_READ).then(setGranted, () => setGranted(false));
  }, []);
  if (!supported) return <p className="muted">This browser clears a copied secret only while the Keyferry popup stays open.</p>;
  const change = async (on: boolean) => {
    // Asked in the click; the browser shows its own prompt ("Read data you copy and paste").
    const done = on ? await browser.permissions.request(CLIPBOARD_READ).catch(() => false) : await browser.permissions.remove(CLIPBOARD_READ).catch(() => false);
    const now = await browser.permissions.contains(CLIPBOARD_READ).catch(() => false);
    setGranted(now);
    if (on) say(now ? 'Copied secrets are now cleared from the clipboard after 30 s, even once the popup has closed.' : 'Clipboard access was not granted: copied secrets are cleared only while the popup stays open.', !now);
    else say(done ? 'Keyferry no longer reads the clipboard: copied secrets are cleared only while the popup stays open.' : 'The permission could not be removed.', !done);
  };
  return (
    <label className="row">
      <input type="checkbox" disabled={granted === null} checked={!!granted} onChange={(e) => void change(e.target.checked)} />
      Clear a copied secret after 30 s even when the popup has closed (lets Keyferry check the clipboard still holds it)
    </label>
  );
}

function OriginList({ role, title, origins, managed, onChange, say }: { role: 'maintenance' | 'edge'; title: string; origins: string[]; managed: string[]; onChange: (reply: Reply) => void; say: Say }) {
  const [draft, setDraft] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const pattern = matchPattern(draft.trim().replace(/\/+$/, ''));
    if (!pattern) return say('Enter an origin like https://acme.titanmaintenance.com (scheme, host and optional port).', true);
    // Asked from this page, in the click: the browser shows its own prompt for exactly this origin.
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) return say(`Access to ${draft.trim()} was not granted, so it was not registered.`, true);
    const reply = await send({ type: 'origin-add', role, origin: draft });
    say(reply.ok ? (reply.message ?? '') : (reply.reason ?? ''), !reply.ok);
    if (reply.ok) {
      setDraft('');
      onChange(reply);
    }
  };
  const remove = async (origin: string) => {
    const reply = await send({ type: 'origin-remove', role, origin });
    say(reply.ok ? (reply.message ?? '') : (reply.reason ?? ''), !reply.ok);
    if (reply.ok) onChange(reply);
  };
  const id = `origins-${role}`;
  return (
    <fieldset>
      <legend>{title}</legend>
      <ul className="plain" aria-labelledby={id}>
        {origins.length ? (
          origins.map((o) => (
            <li key={o} className="row">
              <span>{o}</span>
              {managed.includes(o) ? (
                <span className="muted">({BY_ORGANISATION})</span>
              ) : (
                <button type="button" className="secondary" onClick={() => void remove(o)} aria-label={`Remove ${o}`}>
                  Remove
                </button>
              )}
            </li>
          ))
        ) : (
          <li className="muted">None yet.</li>
        )}
      </ul>
      <form className="row" onSubmit={(e) => void add(e)}>
        <label>
          Add {title} origin
          <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="https://example.com" />
        </label>
        <button type="submit" disabled={!draft.trim()}>
          Add
        </button>
      </form>
    </fieldset>
  );
}

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState({ text: '', error: false });
  const [audit, setAudit] = useState<AuditRow[] | null>(null);
  const [hygiene, setHygiene] = useState<HygieneRow[] | null>(null);
  const [policy, setPolicy] = useState<Policy>(NO_POLICY);
  const applyReply = useCallback((reply: Reply) => {
    setSettings(reply.settings as Settings);
    setPolicy(policyOf(reply));
  }, []);
  const [filter, setFilter] = useState({ action: '', text: '' });
  const say = useCallback<Say>((text, error = false) => setMessage({ text, error }), []);
  const [working, setWorking] = useState(false);

  const report = (reply: Reply) => say(reply.ok ? (reply.message ?? 'Done.') : (reply.reason ?? 'That did not work.'), !reply.ok);

  const loadAudit = useCallback(async () => {
    const reply = await send({ type: 'audit' });
    setAudit(reply.ok ? (reply.audit as AuditRow[]) : null);
  }, []);

  useEffect(() => {
    void Promise.all([send({ type: 'settings' }), send({ type: 'audit' }), send({ type: 'status' })]).then(([settingsReply, auditReply, statusReply]) => {
      if (settingsReply.ok) applyReply(settingsReply);
      else say(settingsReply.reason ?? '', true);
      setAudit(auditReply.ok ? (auditReply.audit as AuditRow[]) : null);
      setHygiene(statusReply.ok && statusReply.vault === 'unlocked' ? (statusReply.hygiene as HygieneRow[]) : null);
    });
  }, [say, applyReply]);

  const save = async (patch: Partial<Settings>) => {
    // Show the change at once (a checkbox must not flip back while the background answers).
    const before = settings;
    setSettings((current) => (current ? { ...current, ...patch } : current));
    const reply = await send({ type: 'settings-set', ...patch });
    report(reply);
    if (reply.ok) applyReply(reply);
    else setSettings(before);
  };
  const isLocked = (key: keyof Settings) => policy.locked.includes(key);

  const shownAudit = useMemo(
    () =>
      (audit ?? []).filter(
        (a) => (!filter.action || a.action === filter.action) && (!filter.text || `${a.summary} ${a.origin ?? ''}`.toLowerCase().includes(filter.text.toLowerCase())),
      ),
    [audit, filter],
  );

  const [passphrases, setPassphrases] = useState({ old: '', next: '', confirm: '' });
  const [importState, setImportState] = useState<{ file: unknown; passphrase: string }>({ file: null, passphrase: '' });
  const [confirmDelete, setConfirmDelete] = useState('');

  if (!settings) {
    return (
      <main>
        <h1>Keyferry options</h1>
        <p role="status">{message.text || 'Loading…'}</p>
      </main>
    );
  }

  return (
    <main>
      <h1>Keyferry options</h1>
      <p role="status" aria-live="polite" className={`status${message.error ? ' error' : ''}`}>
        {message.text}
      </p>
      {working ? <progress className="working" aria-label="Working" /> : null}

      {policy.warnings.length ? (
        <section className="card" aria-labelledby="policy-title">
          <h2 id="policy-title">Organisation policy</h2>
          <ul>
            {policy.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="origins-title">
        <h2 id="origins-title">Registered origins</h2>
        <p className="muted">Keyferry fills only registered Titan Cloud Edge origins (exact scheme, host and port) and captures from registered Titan Maintenance origins or the tab you open it on.</p>
        <OriginList role="maintenance" title="Titan Maintenance" origins={settings.maintenanceOrigins} managed={policy.policyOrigins.maintenance} onChange={applyReply} say={say} />
        <OriginList role="edge" title="Titan Cloud Edge" origins={settings.edgeOrigins} managed={policy.policyOrigins.edge} onChange={applyReply} say={say} />
      </section>

      <section className="card" aria-labelledby="filling-title">
        <h2 id="filling-title">Filling</h2>
        <label>
          Maintenance User
          {isLocked('maintenanceUser') ? <span className="muted"> ({BY_ORGANISATION})</span> : null}
          <select disabled={isLocked('maintenanceUser')} value={settings.maintenanceUser} onChange={(e) => void save({ maintenanceUser: e.target.value as Settings['maintenanceUser'] })}>
            <option value="Unspecified">Unspecified</option>
            <option value="">Leave blank</option>
          </select>
        </label>
        <label className="row">
          <input type="checkbox" disabled={isLocked('saveAfterFill')} checked={settings.saveAfterFill} onChange={(e) => void save({ saveAfterFill: e.target.checked })} />
          Save after fill (click Save / Update for me){isLocked('saveAfterFill') ? ` (${BY_ORGANISATION})` : ''}
        </label>
      </section>

      <section className="card" aria-labelledby="security-title">
        <h2 id="security-title">Security</h2>
        <label>
          Auto-lock after (minutes idle)
          {isLocked('autoLockMinutes') ? <span className="muted"> ({BY_ORGANISATION})</span> : null}
          {policy.maxAutoLockMinutes ? <span className="muted"> (at most {policy.maxAutoLockMinutes}, set by your organisation)</span> : null}
          <input
            type="number"
            min={1}
            max={policy.maxAutoLockMinutes ?? 1440}
            disabled={isLocked('autoLockMinutes')}
            defaultValue={settings.autoLockMinutes}
            onBlur={(e) => {
              const minutes = Number(e.target.value);
              if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440) void save({ autoLockMinutes: minutes });
              else say('Auto-lock takes a whole number of minutes from 1 to 1440.', true);
            }}
          />
        </label>
        <ClipboardClearing say={say} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrases.next !== passphrases.confirm) return say('The new passphrases differ.', true);
            void send({ type: 'change-passphrase', oldPassphrase: passphrases.old, newPassphrase: passphrases.next }).then((reply) => {
              report(reply);
              if (reply.ok) setPassphrases({ old: '', next: '', confirm: '' });
            });
          }}
        >
          <fieldset>
            <legend>Change passphrase</legend>
            <label>
              Current passphrase
              <input type="password" autoComplete="current-password" value={passphrases.old} onChange={(e) => setPassphrases({ ...passphrases, old: e.target.value })} />
            </label>
            <label>
              New passphrase
              <input type="password" autoComplete="new-password" value={passphrases.next} onChange={(e) => setPassphrases({ ...passphrases, next: e.target.value })} />
            </label>
            <label>
              Confirm new passphrase
              <input type="password" autoComplete="new-password" value={passphrases.confirm} onChange={(e) => setPassphrases({ ...passphrases, confirm: e.target.value })} />
            </label>
            <button type="submit" disabled={!passphrases.old || passphrases.next.length < 8}>
              Change passphrase
            </button>
          </fieldset>
        </form>
      </section>

      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">Backup</h2>
        <p className="muted">The export holds the same ciphertexts as the vault; it opens only with the passphrase the vault had when you exported it.</p>
        {policy.allowExport ? null : <p className="muted">Export is turned off by your organisation.</p>}
        <button
          type="button"
          disabled={!policy.allowExport}
          onClick={() => {
            setWorking(true);
            void send({ type: 'export' })
              .then((reply) => {
                report(reply);
                if (reply.ok) download(`keyferry-vault-${new Date().toISOString().slice(0, 10)}.json`, reply.file);
              })
              .finally(() => setWorking(false));
          }}
        >
          Export vault
        </button>
        <fieldset>
          <legend>Import</legend>
          <label>
            Export file
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                void file.text().then((text) => {
                  try {
                    setImportState((s) => ({ ...s, file: JSON.parse(text) }));
                  } catch {
                    say('That file is not a Keyferry vault export.', true);
                  }
                });
              }}
            />
          </label>
          <label>
            Passphrase of the export
            <input type="password" value={importState.passphrase} onChange={(e) => setImportState({ ...importState, passphrase: e.target.value })} />
          </label>
          <button
            type="button"
            disabled={!importState.file || !importState.passphrase}
            onClick={() => {
              say('Importing…');
              setWorking(true);
              void send({ type: 'import', file: importState.file, passphrase: importState.passphrase })
                .then((reply) => {
                  report(reply);
                  void loadAudit();
                })
                .finally(() => setWorking(false));
            }}
          >
            Import vault
          </button>
        </fieldset>
      </section>

      <section className="card" aria-labelledby="review-title">
        <h2 id="review-title">Credential review</h2>
        {hygiene === null ? (
          <p className="muted">Unlock Keyferry (in the popup) to review your credentials.</p>
        ) : hygiene.length ? (
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">Credential</th>
                <th scope="col">Why</th>
                <th scope="col">Based on</th>
              </tr>
            </thead>
            <tbody>
              {hygiene.map((h) => (
                <tr key={`${h.credentialId}-${h.rule}`}>
                  <td>{h.title}</td>
                  <td>{h.reason}</td>
                  <td>{h.basedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Nothing needs attention: no credential is expired or expiring within 14 days, no ADMIN, unused or idle key, no secret overdue for rotation.</p>
        )}
      </section>

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        {audit === null ? (
          <p className="muted">Unlock Keyferry (in the popup) to see the audit log.</p>
        ) : (
          <>
            <div className="row">
              <label>
                Action
                <select value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
                  <option value="">All</option>
                  {['capture', 'fill', 'transfer', 'import', 'export'].map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Search the log
                <input type="search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
              </label>
            </div>
            <table className="audit">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Where</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {shownAudit.map((a, i) => (
                  <tr key={i}>
                    <td>{new Date(a.at).toLocaleString()}</td>
                    <td>{a.action}</td>
                    <td>{a.origin ?? ''}</td>
                    <td>{a.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete the vault</h2>
        <p>This erases every stored credential, site and mapping. Export first if you may need them.</p>
        <label>
          Type Keyferry to confirm
          <input value={confirmDelete} onChange={(e) => setConfirmDelete(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={confirmDelete !== 'Keyferry'}
          onClick={() =>
            void send({ type: 'delete-vault', confirm: confirmDelete }).then((reply) => {
              report(reply);
              setConfirmDelete('');
              setAudit(null);
            })
          }
        >
          Delete vault
        </button>
      </section>
    </main>
  );
}
