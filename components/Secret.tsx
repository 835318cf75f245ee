import { useEffect, useRef, useState } from 'react';
import { send } from './api';

const CLEAR_AFTER_MS = 30_000;

/** Masked until asked; the value lives in the DOM only while revealed. Copy clears after 30 s. */
export function Secret({ credentialId, field, label, onStatus }: { credentialId: string; field: string; label: string; onStatus: (text: string, error?: boolean) => void }) {
  const [value, setValue] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const fetchValue = async () => {
    const reply = await send({ type: 'reveal', credentialId, field });
    if (!reply.ok || typeof reply.value !== 'string') {
      onStatus(reply.reason ?? 'Could not read that value.', true);
      return null;
    }
    return reply.value;
  };
  const toggle = async () => {
    if (value !== null) return setValue(null);
    setValue(await fetchValue());
  };
  const copy = async () => {
    const secret = await fetchValue();
    if (secret === null) return;
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      onStatus('The clipboard is not available here.', true);
      return;
    }
    const armed = await send({ type: 'clipboard-copied', credentialId, field });
    onStatus(
      armed.ok && armed.clearsWhenClosed
        ? `${label} copied; the clipboard is cleared in 30 s.`
        : `${label} copied; the clipboard is cleared in 30 s if this popup stays open (Options can clear it after the popup closes).`,
    );
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void navigator.clipboard
        .readText()
        .then((current) => (current === secret ? navigator.clipboard.writeText('') : undefined))
        .catch(() => navigator.clipboard.writeText('').catch(() => undefined));
    }, CLEAR_AFTER_MS);
  };
  return (
    <div className="row">
      <span>{label}:</span>
      <span className="secret">{value ?? '••••••••'}</span>
      <button type="button" className="secondary" onClick={() => void toggle()} aria-label={`${value === null ? 'Reveal' : 'Hide'} ${label}`}>
        {value === null ? 'Reveal' : 'Hide'}
      </button>
      <button type="button" className="secondary" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        Copy
      </button>
    </div>
  );
}
