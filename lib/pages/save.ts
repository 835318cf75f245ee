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
  // Never one before the section: that is another section's (a decoy integration's) Save.
  const last = section.elements[section.elements.length - 1] ?? section.heading;
  for (let el = composedParent(section.heading); !button && el; el = composedParent(el)) {
    const all = deepElements(el);
    const after = Math.max(all.indexOf(last), all.indexOf(section.heading));
    if (after >= 0) button = all.slice(after + 1).find(isSave);
  }
  if (!button) return 'not-found';
  press(button);
  return 'saved';
}
