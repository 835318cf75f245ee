// The page kinds Keyferry knows (README "What it reads and fills"): two Maintenance pages, two Edge
// pages, Timus API Access and an API Keys console. The message schemas accept exactly these.

import { describe, expect, it } from 'vitest';
import { PAGE_KINDS } from '@/lib/page-kinds';
import { ContentRequestSchema, PageKindSchema } from '@/lib/messages';
import { expectedFor } from './fixtures';

const KNOWN = ['maintenance-api', 'maintenance-sites', 'edge-account', 'edge-facility', 'timus-api-access', 'api-keys'];

describe('PAGE_KINDS', () => {
  it('is exactly the six kinds of page Keyferry reads or fills, each once', () => {
    expect([...PAGE_KINDS].sort()).toEqual([...KNOWN].sort());
    expect(new Set(PAGE_KINDS).size).toBe(PAGE_KINDS.length);
  });

  it('covers every kind the capture fixtures are labelled with', () => {
    // expected.json says "apikeys" for the API Keys console and "none" for a page that is no kind.
    const alias: Record<string, string> = { apikeys: 'api-keys' };
    const kinds = (['maintenance', 'timus', 'apikeys'] as const).flatMap((dir) => Object.values(expectedFor(dir)).map((e) => e.kind));
    for (const kind of new Set(kinds.filter((k) => k !== 'none'))) expect(PAGE_KINDS).toContain(alias[kind] ?? kind);
  });
});

describe('PageKindSchema', () => {
  it('accepts each page kind', () => {
    for (const kind of PAGE_KINDS) expect(PageKindSchema.safeParse(kind).success).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'none', 'apikeys', 'Maintenance-API', 'maintenance-api ', 'edge', 'bank-login', null, undefined, 3, ['api-keys'], { kind: 'api-keys' }]) {
      expect(PageKindSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('bounds what a read request may ask for', () => {
    for (const kind of PAGE_KINDS) expect(ContentRequestSchema.safeParse({ type: 'keyferry:read', kind }).success).toBe(true);
    expect(ContentRequestSchema.safeParse({ type: 'keyferry:read' }).success).toBe(true);
    expect(ContentRequestSchema.safeParse({ type: 'keyferry:read', kind: 'vault' }).success).toBe(false);
  });
});
