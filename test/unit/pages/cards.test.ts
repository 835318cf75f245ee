// cardsByLabel: one card per record, found as the largest container holding exactly one anchor label.

import { describe, expect, it } from 'vitest';
import { deepElements } from '@/lib/dom/tree';
import { cardsByLabel } from '@/lib/pages/cards';
import { expectedFor, loadFixture } from '../fixtures';

const timus = expectedFor('timus')['api-access-cards.html']!.expected as { records: { title: string; clientId: string }[] };
const text = (card: Element[]) => card[0]!.textContent ?? '';

describe('cardsByLabel on timus/api-access-cards.html', () => {
  const doc = loadFixture('timus/api-access-cards.html');
  const elements = deepElements(doc.body);

  it('finds one card per record, in page order, each the fixture’s .card element', () => {
    const cards = cardsByLabel(elements, 'Client ID');
    expect(cards).toHaveLength(timus.records.length);
    cards.forEach((card, i) => {
      expect(card[0]!.matches('div.card')).toBe(true);
      expect(card[0]!.getAttribute('data-card')).toBe(String(i + 1));
    });
  });

  it('keeps each record’s values in its own card', () => {
    const cards = cardsByLabel(elements, 'Client ID');
    cards.forEach((card, i) => {
      const mine = timus.records[i]!;
      expect(text(card)).toContain(mine.title);
      expect(text(card)).toContain(mine.clientId);
      for (const other of timus.records.filter((r) => r !== mine)) expect(text(card)).not.toContain(other.clientId);
    });
  });

  it('lists each card’s elements after the card itself, in document order', () => {
    const [first] = cardsByLabel(elements, 'Client ID');
    expect(first!.slice(1)).toEqual(Array.from(first![0]!.querySelectorAll('*')));
  });

  it('does not count the Application Type label of the closed Create New dialog', () => {
    const byType = cardsByLabel(elements, 'Application Type');
    expect(byType.map((c) => c[0]!.getAttribute('data-card'))).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('cardsByLabel on small pages', () => {
  it('finds nothing when no element is exactly the anchor label', () => {
    document.body.innerHTML = '<p>Your Client ID is shown on each card.</p><div><span>Client Secret</span><span>x</span></div>';
    expect(cardsByLabel(deepElements(document.body), 'Client ID')).toEqual([]);
    expect(cardsByLabel([], 'Client ID')).toEqual([]);
  });

  it('skips a hidden card', () => {
    document.body.innerHTML = `<main>
      <article id="a"><span>Client ID</span><span>id-a</span></article>
      <article id="b" style="display:none"><span>Client ID</span><span>id-b</span></article>
      <article id="c" hidden><span>Client ID</span><span>id-c</span></article>
      <article id="d"><span>Client ID</span><span>id-d</span></article></main>`;
    expect(cardsByLabel(deepElements(document.body), 'Client ID').map((c) => c[0]!.id)).toEqual(['a', 'd']);
  });

  it('matches the label as users read it: case, spacing and a trailing colon do not matter', () => {
    document.body.innerHTML = `<main>
      <div class="card" id="a"><span>client id:</span><span>id-a</span></div>
      <div class="card" id="b"><span>  Client  ID </span><span>id-b</span></div></main>`;
    expect(cardsByLabel(deepElements(document.body), 'Client ID').map((c) => c[0]!.id)).toEqual(['a', 'b']);
  });

  it('finds cards inside open shadow roots and includes their shadow content', () => {
    document.body.innerHTML = '<div id="list"></div>';
    const list = document.getElementById('list')!;
    for (const id of ['one', 'two']) {
      const host = document.createElement('x-card');
      host.id = id;
      host.attachShadow({ mode: 'open' }).innerHTML = `<section><span>Client ID</span><code>cid-${id}</code></section>`;
      list.append(host);
    }
    const cards = cardsByLabel(deepElements(document.body), 'Client ID');
    expect(cards).toHaveLength(2);
    cards.forEach((card, i) => {
      const id = ['one', 'two'][i]!;
      expect(card.some((el) => el.textContent === `cid-${id}`)).toBe(true);
      expect(card.some((el) => el.textContent === `cid-${i ? 'one' : 'two'}`)).toBe(false);
    });
  });
});
