// Titan Maintenance > Manage > Sites: Site Name, Site Identifier, address and city for every row,
// from tables, ARIA grids (virtualised ones scrolled through) or card lists.

import type { SitesRead } from '../messages';
import type { Site } from '../vault/records';
import { declaredRowCount, findTable, readRows, type TableColumns, type TableRow } from '../dom/tables';
import { labelElements } from '../dom/labels';
import { readLabelledValue } from '../dom/values';
import { cleanValue } from '../dom/text';
import { composedParent, type WalkOptions } from '../dom/tree';
import { nextFrame } from '../dom/wait';
import { readTenant } from './tenant';
import { cardsByLabel } from './cards';

type Column = 'name' | 'identifier' | 'address' | 'city';

const HEADERS: Record<Column, string[]> = {
  name: ['Site Name', 'Site', 'Name'],
  identifier: ['Site Identifier', 'Site ID', 'Identifier'],
  address: ['Address', 'Street Address', 'Street', 'Address Line 1'],
  city: ['City', 'Town'],
};

export interface RawSite {
  name: string;
  identifier: string;
  address?: string;
  city?: string;
}

function toRaw(cells: Partial<Record<Column, string>>): RawSite {
  const raw: RawSite = { name: cleanValue(cells.name ?? ''), identifier: cleanValue(cells.identifier ?? '') };
  if (cells.address) raw.address = cleanValue(cells.address);
  if (cells.city) raw.city = cleanValue(cells.city);
  return raw;
}

/** Rows without an identifier and identifiers shared by different sites are reported, not stored. */
export function validateSites(rows: RawSite[]): { sites: Site[]; problems: string[] } {
  const problems: string[] = [];
  const byId = new Map<string, RawSite[]>();
  let missing = 0;
  for (const row of rows) {
    if (!row.identifier) {
      missing++;
      continue;
    }
    const list = byId.get(row.identifier);
    if (list) list.push(row);
    else byId.set(row.identifier, [row]);
  }
  if (missing) problems.push(`${missing} row${missing === 1 ? ' has' : 's have'} no Site Identifier and ${missing === 1 ? 'was' : 'were'} skipped.`);
  const sites: Site[] = [];
  const duplicates: string[] = [];
  for (const [identifier, list] of byId) {
    const first = list[0]!;
    const same = list.every((r) => r.name === first.name && r.address === first.address && r.city === first.city);
    if (list.length > 1 && !same) {
      duplicates.push(identifier);
      continue;
    }
    const site: Site = { name: first.name || identifier, identifier };
    if (first.address) site.address = first.address;
    if (first.city) site.city = first.city;
    sites.push(site);
  }
  if (duplicates.length) {
    const shown = duplicates.slice(0, 5).join(', ');
    problems.push(
      `Site Identifier${duplicates.length === 1 ? '' : 's'} ${shown}${duplicates.length > 5 ? ` and ${duplicates.length - 5} more` : ''} appear${duplicates.length === 1 ? 's' : ''} on several different sites: not stored, check them in Titan Maintenance.`,
    );
  }
  return { sites, problems };
}

function findSitesTable(elements: Element[]): TableColumns<Column> | null {
  return findTable(elements, HEADERS, ['identifier', 'name']) ?? findTable(elements, HEADERS, ['identifier']);
}

/** Card and list layouts: each card holds one "Site Identifier" label and its value. */
function readCards(elements: Element[], walk: WalkOptions): RawSite[] {
  const rows: RawSite[] = [];
  for (const inCard of cardsByLabel(elements, 'Site Identifier', walk)) {
    const identifier = readLabelledValue(inCard, 'Site Identifier');
    if (!identifier) continue;
    const name = readLabelledValue(inCard, 'Site Name') ?? readLabelledValue(inCard, 'Name');
    rows.push({
      identifier: identifier.value,
      name: name?.value ?? '',
      address: readLabelledValue(inCard, 'Address')?.value,
      city: readLabelledValue(inCard, 'City')?.value,
    });
  }
  return rows;
}

/** A table or grid whose headers name the Sites columns: checks header cells only. */
export function hasSitesTable(elements: Element[]): boolean {
  return !!findSitesTable(elements);
}

export function recogniseSites(elements: Element[]): boolean {
  return !!findSitesTable(elements) || labelElements(elements, 'Site Identifier').length > 0;
}

function scrollerOf(container: Element): HTMLElement | null {
  const candidates = [container, ...Array.from(container.querySelectorAll('*'))].concat(
    (() => {
      const up: Element[] = [];
      for (let el = composedParent(container); el && up.length < 4; el = composedParent(el)) up.push(el);
      return up;
    })(),
  );
  return (
    (candidates.find((el) => {
      const style = el.ownerDocument.defaultView?.getComputedStyle(el);
      return el.scrollHeight > el.clientHeight + 1 && !!style && /(auto|scroll)/.test(style.overflowY);
    }) as HTMLElement | undefined) ?? null
  );
}

/** A virtualised grid renders only what is in view: scroll its own scroller and collect every row. */
async function readVirtualRows(table: TableColumns<Column>, expected: number, maxSteps = 5_000): Promise<TableRow<Column>[]> {
  const seen = new Map<number, TableRow<Column>>();
  const collect = () => readRows(table).forEach((row) => seen.set(row.index, row));
  collect();
  const scroller = scrollerOf(table.container);
  if (!scroller) return [...seen.values()];
  const start = scroller.scrollTop;
  const doc = table.container.ownerDocument;
  let stalled = 0;
  scroller.scrollTop = 0;
  await nextFrame(doc);
  collect();
  for (let step = 0; step < maxSteps && seen.size < expected && stalled < 3; step++) {
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.max(scroller.clientHeight * 0.8, 20);
    scroller.dispatchEvent(new Event('scroll'));
    await nextFrame(doc);
    const size = seen.size;
    collect();
    stalled = scroller.scrollTop === before && seen.size === size ? stalled + 1 : 0;
  }
  scroller.scrollTop = start;
  scroller.dispatchEvent(new Event('scroll'));
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

export interface Pagination {
  /** What the page says, e.g. "1–100 of 250" or "Page 1 of 3". */
  text: string;
  /** Rows on the page shown, when the page gives the range. */
  rowsShown: number | null;
  morePages: boolean;
}

const ROW_RANGE = /(\d[\d,]*)\s*[–—-]\s*(\d[\d,]*)\s+of\s+(?:about\s+)?(\d[\d,]*)/i;
const PAGE_OF = /\bpage\s+(\d+)\s+of\s+(\d+)\b/i;
const number = (text: string) => Number(text.replace(/,/g, ''));

const PAGER_NAMES = /^(next|previous|prev)( page)?$|^go to (the )?(next|previous) page$/i;

function isEnabled(el: Element): boolean {
  return !el.hasAttribute('disabled') && el.getAttribute('aria-disabled') !== 'true' && !/\bdisabled\b/.test(el.className.toString());
}

/** A paged list's status line near the list ("Showing 1–25 of 75", "1–100 of 250", "Page 1 of 3"), else its enabled Next / Previous buttons. */
export function readPagination(elements: Element[]): Pagination | null {
  let pager: Element | null = null;
  for (const el of elements) {
    const name = cleanValue(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '');
    if (!pager && name && PAGER_NAMES.test(name) && el.matches('button, a, li, [role=button]') && isEnabled(el)) pager = el;
    if (el.childElementCount > 3) continue;
    const text = cleanValue(el.textContent ?? '');
    if (!text || text.length > 120) continue;
    const range = ROW_RANGE.exec(text);
    const page = PAGE_OF.exec(text);
    if (!range && !page) continue;
    const first = range ? number(range[1]!) : 0;
    const last = range ? number(range[2]!) : 0;
    const total = range ? number(range[3]!) : 0;
    if (range && !(first >= 1 && first <= last && last <= total)) continue;
    if (page && !(number(page[1]!) >= 1 && number(page[1]!) <= number(page[2]!))) continue;
    return {
      text: (range ?? page)![0],
      rowsShown: range ? last - first + 1 : null,
      morePages: range ? first > 1 || last < total : number(page![2]!) > 1,
    };
  }
  return pager ? { text: 'more pages', rowsShown: null, morePages: true } : null;
}

export async function readSites(elements: Element[], hostname: string, walk: WalkOptions = {}): Promise<SitesRead | null> {
  const table = findSitesTable(elements);
  let raw: RawSite[];
  const problems: string[] = [];
  const outside = table ? elements.filter((el) => !table.container.contains(el)) : elements;
  if (table) {
    const declared = declaredRowCount(table);
    const pagination = readPagination(outside);
    let rows = readRows(table);
    const headerRows = table.container.querySelectorAll('[role=row] [role=columnheader]').length ? 1 : 0;
    // Data grids count every page in aria-rowcount; the rows to collect are the page shown.
    const expected = declared ? Math.min(declared - headerRows, pagination?.rowsShown ?? Infinity) : 0;
    if (expected > rows.length) {
      rows = await readVirtualRows(table, expected);
      if (rows.length < expected) problems.push(`The grid says it shows ${expected} rows but only ${rows.length} could be read.`);
    }
    if (pagination?.morePages) {
      problems.push(`This list is paged (${pagination.text}): only the page shown was captured. Open each other page and capture again to add its sites.`);
    }
    raw = rows.map((row) => toRaw(row.cells));
  } else {
    raw = readCards(elements, walk);
    if (!raw.length) return null;
  }
  const { sites, problems: rowProblems } = validateSites(raw);
  return {
    kind: 'maintenance-sites',
    // The tenant is in the page's chrome, not among thousands of rows.
    tenant: readTenant(outside, hostname),
    sites,
    rowsSeen: raw.length,
    problems: [...problems, ...rowProblems],
  };
}
