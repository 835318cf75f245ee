// Registered origins: exact scheme + host + port. An entry may name port "*" (the e2e build's
// http://127.0.0.1:* does); nothing else is a wildcard, so look-alike hosts never match.

export function parseOrigin(text: string): { scheme: string; host: string; port: string } | null {
  // A host is letters, digits, dots and dashes (or a bracketed IPv6 address): never a wildcard.
  const match = /^(https?):\/\/([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/i.exec(text.trim());
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const port = match[3] ?? (scheme === 'https' ? '443' : '80');
  return { scheme, host: match[2]!.toLowerCase(), port };
}

export function originMatches(entry: string, origin: string): boolean {
  const want = parseOrigin(entry);
  const have = parseOrigin(origin);
  if (!want || !have || want.port === '*' && have.port === '*') return false;
  return want.scheme === have.scheme && want.host === have.host && (want.port === '*' || want.port === have.port);
}

export function isRegistered(entries: readonly string[], origin: string): boolean {
  return entries.some((entry) => originMatches(entry, origin));
}

/** The origin of a page URL, or null for anything that is not http(s). */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Match pattern for permissions.request and permissions.contains: exactly this origin. */
export function matchPattern(entry: string): string | null {
  const parsed = parseOrigin(entry);
  if (!parsed) return null;
  const defaultPort = parsed.scheme === 'https' ? '443' : '80';
  const port = parsed.port === '*' || parsed.port === defaultPort ? '' : `:${parsed.port}`;
  return `${parsed.scheme}://${parsed.host}${port}/*`;
}
