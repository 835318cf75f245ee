// Which Maintenance site an Edge facility is: by name (case, spacing, '#', dashes and punctuation
// ignored), then by address. Ambiguous or missing matches are offered as a choice, never guessed.

import { normaliseName } from '../dom/text';
import type { Site } from '../vault/records';

export type SiteMatch =
  | { status: 'unique'; site: Site; by: 'name' | 'address' }
  | { status: 'ambiguous'; candidates: Site[] }
  | { status: 'none'; candidates: Site[] };

function addressKey(text: string | undefined): string {
  return normaliseName(text ?? '')
    .replace(/\bstreet\b/g, 'st')
    .replace(/\bavenue\b/g, 'ave')
    .replace(/\broad\b/g, 'rd');
}

function addressMatches(site: Site, address: string): boolean {
  const want = addressKey(address);
  const have = addressKey([site.address, site.city].filter(Boolean).join(' '));
  const street = addressKey(site.address);
  return !!want && !!street && (want === have || want.startsWith(street) || have.startsWith(want));
}

export function matchSite(facility: { name: string | null; address: string | null }, sites: Site[]): SiteMatch {
  const name = normaliseName(facility.name ?? '');
  const compact = name.replace(/\s/g, '');
  const byName = name ? sites.filter((s) => normaliseName(s.name).replace(/\s/g, '') === compact) : [];
  if (byName.length === 1) return { status: 'unique', site: byName[0]!, by: 'name' };
  const address = facility.address ?? '';
  if (byName.length > 1) {
    const narrowed = address ? byName.filter((s) => addressMatches(s, address)) : [];
    return narrowed.length === 1
      ? { status: 'unique', site: narrowed[0]!, by: 'address' }
      : { status: 'ambiguous', candidates: byName };
  }
  const byAddress = address ? sites.filter((s) => addressMatches(s, address)) : [];
  if (byAddress.length === 1) return { status: 'unique', site: byAddress[0]!, by: 'address' };
  if (byAddress.length > 1) return { status: 'ambiguous', candidates: byAddress };
  return { status: 'none', candidates: [] };
}
