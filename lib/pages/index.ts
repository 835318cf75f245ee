// Page kinds: each pairs its recognition words with a reader or a filler (STYLE.md).

import type { Detection, PageKind, PageRead } from '../messages';
import { pageElements, type PageScope } from './scope';

export type { PageScope } from './scope';
import { findAccountSection } from './edge-account';
import { readFacility, recogniseFacility } from './edge-facility';
import { readMaintenanceApi } from './maintenance-api';
import { readSites, recogniseSites } from './sites';
import { readTimus, recogniseTimus } from './timus';
import { readApiKeys, recogniseApiKeys } from './api-keys';


export function detectKinds(elements: Element[], hostname: string): PageKind[] {
  const kinds: PageKind[] = [];
  if (readMaintenanceApi(elements, hostname)) kinds.push('maintenance-api');
  if (recogniseSites(elements)) kinds.push('maintenance-sites');
  if (findAccountSection(elements)) kinds.push('edge-account');
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

/** Reads what the page offers: the API tab first, then a Sites list, then an Edge facility. */
export async function readPage(scope: PageScope, kind?: PageKind): Promise<ReadOutcome> {
  const elements = pageElements(scope);
  if (!kind || kind === 'maintenance-api') {
    const api = readMaintenanceApi(elements, scope.hostname);
    if (api) return { ok: true, read: api };
  }
  if (!kind || kind === 'timus-api-access') {
    const timus = readTimus(elements, scope.walk);
    if (timus) return { ok: true, read: timus };
  }
  if (!kind || kind === 'api-keys') {
    const keys = readApiKeys(elements);
    if (keys) return { ok: true, read: keys };
  }
  if (!kind || kind === 'maintenance-sites') {
    const sites = await readSites(elements, scope.hostname, scope.walk);
    if (sites) return { ok: true, read: sites };
  }
  if (!kind || kind === 'edge-facility') {
    if (recogniseFacility(elements)) return { ok: true, read: readFacility(elements) };
  }
  return { ok: false, reason: NOT_RECOGNISED };
}

