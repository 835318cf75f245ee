// Which pages of a registered Edge origin get the inline button's script at all.
//
// Any content script that reads a page costs Chromium about 0.9 ms on a 5,000-element page (the
// isolated world's first touch of `document` and an element, then the body's text), so looking at
// every page of the Edge app cannot stay under SPEC §6's 1 ms. The worker therefore decides from
// what it sees for free, the tab's address and title, and from the pages Keyferry filled before:
// an Edge dashboard costs nothing, and a page that names an Edge form page gets a look.

/** Words of SPEC §1's page and section names, as addresses and titles spell them. */
const PAGE_WORDS = new Set([
  'account',
  'accounts',
  'settings',
  'facility',
  'facilities',
  'profile',
  'misc',
  'vendor',
  'vendors',
  'mapping',
  'mappings',
  'maintenance',
  'integration',
  'integrations',
]);

const MAX_TEXT = 4_000;

/** Lower-case words of an address or title: `AccountSettings`, `account-settings`, `account_settings`. */
export function wordsOf(text: string): string[] {
  return text
    .slice(0, MAX_TEXT)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function parseHttp(url: string | undefined): URL | null {
  if (!url || url.length > MAX_TEXT) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** An id, a number or a token in a path (`8842`, `site-12`, a UUID): one page kind for every value. */
function isIdLike(segment: string): boolean {
  return /\d/.test(segment) || (segment.length >= 20 && /^[\w-]+$/.test(segment));
}

function generalise(path: string): string {
  return path
    .split('/')
    .map((segment) => (isIdLike(segment) ? '*' : segment.toLowerCase()))
    .join('/');
}

/** A client-side route in the fragment (`#/facility/12`, `#!/settings`), without its own query. */
function hashRoute(hash: string): string | null {
  const match = /^#!?(\/[^?]*)/.exec(hash);
  return match ? match[1]! : null;
}

/**
 * The page kind an address stands for: origin, path and client-side route with ids wildcarded
 * (`https://edge.example.com/facilities/*\/profile`). The query and a plain anchor are left out:
 * they pick a record or a spot on the page, not the page. Null for anything that is not http(s).
 */
export function pageKey(url: string | undefined): string | null {
  const parsed = parseHttp(url);
  if (!parsed) return null;
  const route = hashRoute(parsed.hash);
  return `${parsed.origin}${generalise(parsed.pathname)}${route ? `#${generalise(route)}` : ''}`;
}

/** Whether a title or part of an address names an Edge form page. */
export function namesFormPage(text: string): boolean {
  return wordsOf(text).some((word) => PAGE_WORDS.has(word));
}

/** Whether the tab's address or title names an Edge form page, or the page is one Keyferry filled before. */
export function isInlineCandidate(url: string | undefined, title: string | undefined, learned: readonly string[]): boolean {
  const parsed = parseHttp(url);
  if (!parsed) return false;
  const key = pageKey(url);
  if (key && learned.includes(key)) return true;
  return namesFormPage(`${parsed.pathname} ${parsed.search} ${parsed.hash} ${title ?? ''}`);
}

export const MAX_LEARNED_PAGES = 50;

/** `learned` with `key` first, the oldest dropped past the cap. */
export function withLearned(learned: readonly string[], key: string): string[] {
  return [key, ...learned.filter((k) => k !== key)].slice(0, MAX_LEARNED_PAGES);
}
