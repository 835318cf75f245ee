import { useState, type FormEvent } from 'react';

export function strengthHint(passphrase: string): string {
  if (!passphrase) return 'At least 8 characters; a few unrelated words make a strong passphrase.';
  if (passphrase.length < 8) return `Too short: ${8 - passphrase.length} more character${passphrase.length === 7 ? '' : 's'} needed.`;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(passphrase)).length;
  if (passphrase.length >= 16 || (passphrase.length >= 12 && kinds >= 3)) return 'Strong.';
  return 'Fair: longer is stronger.';
}

export function CreateVault({ busy, onCreate }: { busy: boolean; onCreate: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length >= 8 && passphrase === confirm) onCreate(passphrase);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">Create your vault</h2>
      <p className="muted">Keyferry encrypts everything it stores with a key only this passphrase opens. It cannot be recovered if lost.</p>
      <label>
        Passphrase
        <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby="strength" />
      </label>
      <p id="strength" className="muted">{strengthHint(passphrase)}</p>
      <label>
        Confirm passphrase
        <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={mismatch} aria-describedby="mismatch" />
      </label>
      <p id="mismatch" className="muted">{mismatch ? 'The two passphrases differ.' : ''}</p>
      <button type="submit" disabled={busy || passphrase.length < 8 || passphrase !== confirm}>
        Create vault
      </button>
    </form>
  );
}

export function UnlockVault({ busy, onUnlock }: { busy: boolean; onUnlock: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUnlock(passphrase);
    setPassphrase('');
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="unlock-title">
      <h2 id="unlock-title">Vault locked</h2>
      <label>
        Passphrase
        <input type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !passphrase}>
        Unlock
      </button>
    </form>
  );
}
