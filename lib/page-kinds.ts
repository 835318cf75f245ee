/** Every page kind Keyferry knows; plain data so zod-free content scripts can share it. */
export const PAGE_KINDS = [
  'maintenance-api',
  'maintenance-sites',
  'edge-account',
  'edge-facility',
  'timus-api-access',
  'api-keys',
] as const;
