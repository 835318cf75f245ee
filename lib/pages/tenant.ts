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

/** The tenant name the page shows (header, account menu, a labelled field), else from the host. */
export function readTenant(elements: Element[], hostname: string): TenantRead | null {
  for (const label of TENANT_LABELS) {
    const read = readLabelledValue(elements, label, tenantShaped);
    if (read && !read.masked) return { name: read.value, source: 'page' };
  }
  const fromHost = tenantFromHost(hostname);
  return fromHost ? { name: fromHost, source: 'host' } : null;
}
