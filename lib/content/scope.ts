import type { PageScope } from '../pages/scope';
import { shadowRootReader } from './runtime';

export function pageScope(): PageScope {
  const shadowRootOf = shadowRootReader();
  return { document, hostname: location.hostname, walk: shadowRootOf ? { shadowRootOf } : {} };
}

export const PAGE_FAILED = { ok: false as const, reason: 'Keyferry hit an unexpected page structure here; nothing more was done.' };

export type ContentReply = { ok: true; value: unknown } | { ok: false; reason: string };
