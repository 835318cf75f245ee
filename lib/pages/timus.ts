// Timus > Settings > Configurations > API Access: one credential per card or table row.
// A Client Secret still masked is not captured; the admin is told to reveal it first.

import type { TimusRead } from '../messages';
import { findTable, readRows } from '../dom/tables';
import { cleanValue, isMasked } from '../dom/text';
import { visibleText, type WalkOptions } from '../dom/tree';
import { readLabelledValue, tokenShaped } from '../dom/values';
import { isRendered } from '../dom/visibility';
import { cardsByLabel } from './cards';

type Card = TimusRead['cards'][number];
type Column = 'title' | 'expiration' | 'clientId' | 'clientSecret' | 'type';

const HEADERS: Record<Column, string[]> = {
  title: ['Title', 'Name'],
  expiration: ['Expiration Date', 'Expiration', 'Expires', 'Expiry Date'],
  clientId: ['Client ID'],
  clientSecret: ['Client Secret'],
  type: ['Application Type', 'Type'],
};

const MAX_TITLE = 70;

function applicationType(text: string | undefined): Card['applicationType'] {
  const t = (text ?? '').toLowerCase();
  if (t.includes('active directory')) return 'Active Directory';
  if (t.includes('custom')) return 'Custom';
  return null;
}

function card(title: string, clientId: string, secret: string | undefined, expiration: string | undefined, type: string | undefined, problems: string[]): Card | null {
  const cleanTitle = cleanValue(title);
  if (!cleanTitle || !clientId) return null;
  if (cleanTitle.length > MAX_TITLE) problems.push(`“${cleanTitle.slice(0, 40)}…” is longer than Timus allows (70 characters); kept as shown.`);
  const masked = !secret || isMasked(secret);
  if (masked) problems.push(`The Client Secret of “${cleanTitle}” is masked: reveal it on the page, then capture again to store it.`);
  return {
    title: cleanTitle.slice(0, MAX_TITLE),
    clientId,
    clientSecret: masked ? null : secret!,
    applicationType: applicationType(type),
    expiration: expiration ? cleanValue(expiration) : null,
  };
}

function cardTitle(elements: Element[]): string {
  const labelled = readLabelledValue(elements, 'Title', (v) => v.length > 0 && v.length <= 200);
  if (labelled && !labelled.masked) return labelled.value;
  const heading = elements.find((el) => el.matches('h1, h2, h3, h4, h5, h6, [role=heading]') && isRendered(el));
  if (heading) return visibleText(heading);
  const labelledBy = elements[0]?.getAttribute('aria-labelledby');
  return labelledBy ? (elements[0]!.getRootNode() as Document).getElementById?.(labelledBy)?.textContent ?? '' : '';
}

export function hasTimusTable(elements: Element[]): boolean {
  return !!findTable(elements, HEADERS, ['clientId', 'clientSecret']);
}

export function recogniseTimus(elements: Element[]): boolean {
  return !!findTable(elements, HEADERS, ['clientId', 'clientSecret']) || cardsByLabel(elements, 'Client ID').some((c) => c.length > 0 && readLabelledValue(c, 'Client Secret') !== null);
}

export function readTimus(elements: Element[], walk: WalkOptions = {}): TimusRead | null {
  const problems: string[] = [];
  const cards: Card[] = [];
  const table = findTable(elements, HEADERS, ['clientId', 'clientSecret']);
  if (table) {
    for (const row of readRows(table)) {
      const c = card(row.cells.title ?? '', row.cells.clientId ?? '', row.cells.clientSecret, row.cells.expiration, row.cells.type, problems);
      if (c) cards.push(c);
    }
  } else {
    for (const inCard of cardsByLabel(elements, 'Client ID', walk)) {
      const clientId = readLabelledValue(inCard, 'Client ID', tokenShaped);
      const secret = readLabelledValue(inCard, 'Client Secret', tokenShaped);
      if (!clientId || !secret) continue;
      const expiration = readLabelledValue(inCard, 'Expiration Date') ?? readLabelledValue(inCard, 'Expires');
      const type = readLabelledValue(inCard, 'Application Type') ?? readLabelledValue(inCard, 'Type');
      const c = card(cardTitle(inCard), clientId.value, secret.masked ? undefined : secret.value, expiration?.value, type?.value, problems);
      if (c) cards.push(c);
    }
  }
  if (!cards.length) return null;
  return { kind: 'timus-api-access', cards, problems };
}

