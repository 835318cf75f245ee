// Titan Maintenance > Account Settings > API tab: the API Token and the API Secret Key.
// Reads only what the page shows; never clicks Refresh (that would break the live integration).

import type { MaintenanceApiRead } from '../messages';
import { readLabelledValue, tokenShaped } from '../dom/values';
import { readTenant } from './tenant';

export const API_TOKEN_LABEL = 'API Token';
export const API_SECRET_LABEL = 'API Secret Key';

function masked(label: string): string {
  return `The ${label} is masked on the page: reveal it (or generate it with Refresh, knowing that breaks any integration using the old one), then capture again.`;
}

/** Null when the page shows neither value (a help page that only mentions them, for instance). */
export function readMaintenanceApi(elements: Element[], hostname: string): MaintenanceApiRead | null {
  const token = readLabelledValue(elements, API_TOKEN_LABEL, tokenShaped);
  const secret = readLabelledValue(elements, API_SECRET_LABEL, tokenShaped);
  if (!token && !secret) return null;
  const problems: string[] = [];
  if (!token) problems.push(`No ${API_TOKEN_LABEL} is shown on this page.`);
  else if (token.masked) problems.push(masked(API_TOKEN_LABEL));
  if (!secret) problems.push(`No ${API_SECRET_LABEL} is shown on this page.`);
  else if (secret.masked) problems.push(masked(API_SECRET_LABEL));
  const tenant = readTenant(elements, hostname);
  return {
    kind: 'maintenance-api',
    tenant,
    apiToken: token && !token.masked ? token.value : null,
    apiSecretKey: secret && !secret.masked ? secret.value : null,
    problems,
  };
}
