// Text as users read it: case, spacing, zero-width characters and trailing colons do not matter.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Removes zero-width characters and surrounding whitespace; keeps inner spacing as a single space. */
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u2000-\u200A\u202F\u205F\u3000\t\n\r\f\v]| {2}/;

export function cleanValue(value: string): string {
  // Fast path for the common case (thousands of table cells): nothing but ordinary spaces.
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}

/** For comparing labels: lower case, single spaces, no trailing colon, asterisk or "toggle". */
export function normaliseLabel(text: string): string {
  return cleanValue(text)
    .toLowerCase()
    .replace(/[\s:*]+$/u, '')
    .replace(/\s+toggle$/u, '')
    .trim();
}

/** Label without any spaces, so "MaintenanceIntegration" and "Maintenance Integration" agree. */
export function compactLabel(text: string): string {
  return normaliseLabel(text).replace(/\s+/g, '');
}

/** How well a visible label names what we want: 2 exact, 1 contains it as whole words, 0 no. */
export function labelScore(label: string, wanted: string): 0 | 1 | 2 {
  const have = normaliseLabel(label);
  const want = normaliseLabel(wanted);
  if (!have || !want) return 0;
  if (have === want || have.replace(/\s+/g, '') === want.replace(/\s+/g, '')) return 2;
  if (have.length > want.length + 40) return 0;
  const escaped = want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(have) ? 1 : 0;
}

/** For matching facility and site names: case, spacing, '#', dashes and punctuation ignored. */
export function normaliseName(text: string): string {
  return cleanValue(text)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015\u2212-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MASK_CHARS = /[•●*·∙◦\u2022\u25CF\u2219]/gu;

/** A value the page shows only as dots or asterisks (perhaps with its last few characters). */
export function isMasked(value: string): boolean {
  const compact = cleanValue(value).replace(/\s/g, '');
  const masked = compact.match(MASK_CHARS)?.length ?? 0;
  return masked >= 3 && masked >= compact.length - 4;
}
