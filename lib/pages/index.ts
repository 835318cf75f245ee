// Page kinds: each pairs its recognition words with a reader or a filler (STYLE.md).

import type { Detection, PageKind, PageRead } from '../messages';
import { isHeaderCell } from '../dom/tables';
import { pageElements, type PageScope } from './scope';

export type { PageScope } from './scope';
import { hasAccountSection } from './edge-account';
import { readFacility, recogniseFacility } from './edge-facility';
import { readMaintenanceApi } from './maintenance-api';
import { hasSitesTable, readSites, recogniseSites } from './sites';
import { hasTimusTable, readTimus, recogniseTimus } from './timus';
import { readApiKeys, recogniseApiKeys } from './api-keys';


export function detectKinds(elements: Element[], hostname: string): PageKind[] {
  const kinds: PageKind[] = [];
  if (readMaintenanceApi(elements, hostname)) kinds.push('maintenance-api');
  if (recogniseSites(elements)) kinds.push('maintenance-sites');
  if (hasAccountSection(elements)) kinds.push('edge-account');
  if (recogniseFacility(elements)) kinds.push('edge-facility');
  if (recogniseTimus(elements)) kinds.push('timus-api-access');
  if (recogniseApiKeys(elements)) kinds.push('api-keys');
  return kinds;
}

export function detect(scope: PageScope): Detection {
  return {
    kinds: detectKinds(pageElements(scope), scope.hostname),
    origin: scope.document.location?.origin ?? '',
    title: (scope.document.title || '').slice(0, 200),
  };
}

export type ReadOutcome = { ok: true; read: PageRead } | { ok: false; reason: string };

const NOT_RECOGNISED =
  'Keyferry does not recognise this page: open Titan Maintenance (Account Settings > API tab, or Manage > Sites), Timus API Access, an API Keys page, or a Titan Cloud Edge form, then try again.';

type Reader = (scope: PageScope, elements: Element[]) => PageRead | null | Promise<PageRead | null>;

const READERS: Record<Exclude<PageKind, 'edge-account'>, Reader> = {
  'maintenance-api': (scope, elements) => readMaintenanceApi(elements, scope.hostname),
  'timus-api-access': (scope, elements) => readTimus(elements, scope.walk),
  'api-keys': (_scope, elements) => readApiKeys(elements),
  'maintenance-sites': (scope, elements) => readSites(elements, scope.hostname, scope.walk),
  'edge-facility': (_scope, elements) => (recogniseFacility(elements) ? readFacility(elements) : null),
};

/**
 * Pages recognised by their column headers come first: finding a header row is cheap, while
 * label-based readers look at every element (a 10,000-row Sites table has 40,000 cells).
 */
function readingOrder(elements: Element[]): (keyof typeof READERS)[] {
  const headers = elements.filter(isHeaderCell);
  const byTable: (keyof typeof READERS)[] = [];
  if (recogniseApiKeys(headers)) byTable.push('api-keys');
  if (hasTimusTable(headers)) byTable.push('timus-api-access');
  if (hasSitesTable(headers)) byTable.push('maintenance-sites');
  const rest = (['maintenance-api', 'timus-api-access', 'api-keys', 'maintenance-sites', 'edge-facility'] as const).filter((k) => !byTable.includes(k));
  return [...byTable, ...rest];
}

/** Reads what the page offers: the kind asked for, or the first kind the page turns out to be. */
export async function readPage(scope: PageScope, kind?: PageKind): Promise<ReadOutcome> {
  const elements = pageElements(scope);
  const order = kind ? (kind === 'edge-account' ? [] : [kind]) : readingOrder(elements);
  for (const k of order) {
    const read = await READERS[k](scope, elements);
    if (read) return { ok: true, read };
  }
  return { ok: false, reason: NOT_RECOGNISED };
}

