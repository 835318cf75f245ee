import type { z } from 'zod/mini';
import type { TenantReadSchema } from '../messages';
import { readLabelledValue } from '../dom/values';

export type TenantRead = z.infer<typeof TenantReadSchema>;

const TENANT_LABELS = ['Tenant name', 'Tenant', 'Tenant ID', 'Maintenance tenant'];
const tenantShaped = (value: string) => value.length >= 2 && value.length <= 100 && value.split(' ').length <= 4;

/** A host name's first label, unless the host is an address or a bare machine name. */
export function tenantFromHost(hostname: string): string | null {
  if (!hostname || hostname === 'localhost' || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return null;
  const labels = hostname.split('.');
  if (labels.length < 3) return null;
  const first = labels[0]!;
  return first === 'www' || first === 'app' ? null : first;
}

const APP_NAMES = /^(titan maintenance|titan cloud edge|titan|maintenance)$/i;

/** "Account Settings · Titan Maintenance · contoso-energy": the segment that is neither app nor heading. */
export function tenantFromTitle(title: string, elements: Element[]): string | null {
  const segments = title.split(/\s[·|–—-]\s|\s*[·|]\s*/).map((s) => s.trim()).filter(Boolean);
  if (segments.length < 2) return null;
  const headings = new Set(
    elements.filter((el) => /^H[1-3]$/.test(el.tagName)).map((el) => (el.textContent ?? '').trim().toLowerCase()),
  );
  const candidates = segments.filter(
    (s) => !APP_NAMES.test(s) && !headings.has(s.toLowerCase()) && !/settings|sites|account|api/i.test(s) && /^[\w.-]{2,64}$/.test(s),
  );
  return candidates.length === 1 ? candidates[0]! : null;
}

/** The tenant name the page shows (header, account menu, a labelled field), else from the host. */
export function readTenant(elements: Element[], hostname: string): TenantRead | null {
  for (const label of TENANT_LABELS) {
    const read = readLabelledValue(elements, label, tenantShaped);
    if (read && !read.masked) return { name: read.value, source: 'page' };
  }
  const fromTitle = tenantFromTitle(elements[0]?.ownerDocument.title ?? '', elements);
  if (fromTitle) return { name: fromTitle, source: 'page' };
  const fromHost = tenantFromHost(hostname);
  return fromHost ? { name: fromHost, source: 'host' } : null;
}
