// Card layouts: one card per record, each holding exactly one of an anchor label (e.g. "Client ID").

import { labelElements } from '../dom/labels';
import { composedParent, deepElements, type WalkOptions } from '../dom/tree';
import { isRendered } from '../dom/visibility';

/** Each card's deep element list (the card itself first), in page order. */
export function cardsByLabel(elements: Element[], anchor: string, walk: WalkOptions = {}): Element[][] {
  const labels = labelElements(elements, anchor).filter(({ element }) => isRendered(element));
  const cards: Element[] = [];
  for (const { element } of labels) {
    let card: Element | null = null;
    for (let parent = composedParent(element); parent && !parent.matches('body'); parent = composedParent(parent)) {
      const inside = labels.filter((l) => composedContainsDeep(parent!, l.element)).length;
      if (inside > 1) break;
      card = parent;
    }
    if (card && !cards.includes(card)) cards.push(card);
  }
  return cards.map((card) => [card, ...deepElements(card, walk)]);
}

function composedContainsDeep(ancestor: Element, node: Element): boolean {
  for (let el: Element | null = node; el; el = composedParent(el)) if (el === ancestor) return true;
  return false;
}
