import { press } from '../dom/fill';
import type { Section } from '../dom/sections';
import { normaliseLabel } from '../dom/text';
import { composedParent, deepElements, visibleText } from '../dom/tree';
import { isFillable } from '../dom/visibility';

/** The section's own Save/Update button, else the nearest one after it; only when the admin asked. */
export function clickSave(section: Section, words: string[]): 'saved' | 'not-found' {
  const wanted = words.map(normaliseLabel);
  const isSave = (el: Element) =>
    el.matches('button, [role=button], input[type=submit], input[type=button]') &&
    wanted.includes(normaliseLabel(el.getAttribute('aria-label') ?? ((el as HTMLInputElement).value || visibleText(el)))) &&
    isFillable(el);
  let button = section.elements.find(isSave);
  for (let el = composedParent(section.heading); !button && el; el = composedParent(el)) {
    button = deepElements(el).find(isSave);
  }
  if (!button) return 'not-found';
  press(button);
  return 'saved';
}
