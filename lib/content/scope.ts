import type { PageScope } from '../pages/scope';
import { shadowRootReader } from './runtime';

export function pageScope(): PageScope {
  return { document, hostname: location.hostname, walk: { shadowRootOf: shadowRootReader() } };
}

/** The error's class only: a message could quote page content. */
export function pageFailed(error: unknown): { ok: false; reason: string } {
  const kind = error instanceof Error ? error.name : 'unknown error';
  return { ok: false, reason: `Keyferry hit an unexpected page structure here (${kind}); nothing more was done.` };
}

export type ContentReply = { ok: true; value: unknown } | { ok: false; reason: string };
