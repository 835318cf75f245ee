// Dates as admin pages show them. An unparsable date is kept as text with iso null (and flagged
// by the caller), never guessed. Dates without a zone keep the wall-clock time the page showed.

import type { PageDate } from './vault/records';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function withTime(date: string, time: string | undefined): string | null {
  if (!time) return date;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(time.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function zoned(text: string): string | null {
  // Full ISO 8601 with a zone: an instant, normalised to UTC.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)$/i.test(text)) return null;
  const normalised = text.replace(' ', 'T').replace(/\s*(UTC|GMT)$/i, 'Z').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(normalised)!;
  if (!validDay(Number(y), Number(m), Number(d))) return null;
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function parsePageDate(raw: string): PageDate {
  const text = raw.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (/^never$/i.test(text)) return { text, iso: null, never: true };
  const instant = zoned(text);
  if (instant) return { text, iso: instant };
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/.exec(text);
  if (match) {
    const [, y, m, d, time] = match;
    if (!validDay(Number(y), Number(m), Number(d))) return { text, iso: null };
    return { text, iso: withTime(`${y}-${m}-${d}`, time) };
  }
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(.+))?$/.exec(text);
  if (match) {
    const [, m, d, y, time] = match;
    if (!validDay(Number(y), Number(m), Number(d))) return { text, iso: null };
    return { text, iso: withTime(`${y}-${pad(Number(m))}-${pad(Number(d))}`, time) };
  }
  match = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:,?\s+(?:at\s+)?(.+))?$/.exec(text);
  if (match) {
    const [, name, d, y, time] = match;
    const month = MONTHS.indexOf(name!.slice(0, 3).toLowerCase()) + 1;
    if (!month || !validDay(Number(y), month, Number(d))) return { text, iso: null };
    return { text, iso: withTime(`${y}-${pad(month)}-${pad(Number(d))}`, time) };
  }
  return { text, iso: null };
}

/** Milliseconds since the epoch for a parsed date; wall-clock dates are read as UTC. */
export function pageDateTime(date: PageDate): number | null {
  if (!date.iso) return null;
  const iso = /[zZ]|[+-]\d{2}:\d{2}$/.test(date.iso) ? date.iso : date.iso.length === 10 ? `${date.iso}T00:00:00Z` : `${date.iso}Z`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}
