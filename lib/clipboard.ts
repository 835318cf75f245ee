// What the clipboard clearing compares: a SHA-256 of the copied text, so the secret itself is kept
// nowhere while the 30 s run.

/** The optional permission that lets Keyferry check the clipboard before clearing it. */
export const CLIPBOARD_READ = { permissions: ['clipboardRead' as const] };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads the clipboard as text through a paste into a scratch field (offscreen documents have no focus for navigator.clipboard). */
export function readClipboard(doc: Document): string | null {
  const field = doc.createElement('textarea');
  doc.body.append(field);
  field.focus();
  const pasted = doc.execCommand('paste');
  const text = field.value;
  field.remove();
  return pasted ? text : null;
}

/** Writes an empty string to the clipboard through a copy event. */
export function emptyClipboard(doc: Document): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

/** Clears the clipboard only if it still holds the text whose SHA-256 is `sha256`. */
export async function clearIfUnchanged(doc: Document, sha256: string): Promise<'cleared' | 'changed' | 'unreadable'> {
  const current = readClipboard(doc);
  if (current === null) return 'unreadable';
  if ((await sha256Hex(current)) !== sha256) return 'changed';
  return emptyClipboard(doc) ? 'cleared' : 'unreadable';
}
