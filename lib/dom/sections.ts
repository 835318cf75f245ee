// A form section by its heading: the fields between the heading and the next heading of the same
// or higher level, or the section-like container that holds only this heading.

import { compactLabel, normaliseLabel } from './text';
import { composedContains, composedParent, visibleText } from './tree';
import { isFillable, isRendered } from './visibility';

const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading], legend, caption, summary';
const CONTAINER = 'section, fieldset, form, article, [role=region], [role=group], [role=dialog], [role=tabpanel], [role=form]';

export interface Section {
  heading: Element;
  /** The section's elements, in document order, from the page's deep element list. */
  elements: Element[];
}

function headingLevel(element: Element): number {
  const match = /^H([1-6])$/.exec(element.tagName);
  if (match) return Number(match[1]);
  const aria = Number(element.getAttribute('aria-level'));
  if (Number.isFinite(aria) && aria > 0) return aria;
  return element.matches(HEADING) ? 6 : 7;
}

// Form controls are never headings, nor is an element holding one that shows words (a select's
// options, a textarea's text). A button or an input inside does not count: a heading may hold a
// help button or a toggle.
const TEXT_CONTROL = 'select,option,textarea,[role=combobox],[role=listbox],[role=option]';
const NOT_HEADING = 'html,body,script,style,a,input,button,' + TEXT_CONTROL;

/** Heading-like elements whose text is exactly one of `words`, innermost first, headings preferred. */
export function findHeadings(elements: Element[], words: string[]): Element[] {
  // A heading's text is short: its raw text (hidden parts included) is a cheap first test per word.
  const wanted = words.map((w) => ({ compact: compactLabel(w), maxRaw: w.length * 3 + 40 }));
  const found = elements.filter((el) => {
    const raw = el.textContent ?? '';
    const fits = wanted.filter((w) => raw.length <= w.maxRaw);
    if (!fits.length || !raw.trim() || el.matches(NOT_HEADING)) return false;
    const shown = compactLabel(visibleText(el));
    return fits.some((w) => w.compact === shown) && !el.querySelector(TEXT_CONTROL);
  });
  const innermost = found.filter((a) => !found.some((b) => b !== a && composedContains(a, b)));
  return innermost.sort((a, b) => Number(!a.matches(HEADING)) - Number(!b.matches(HEADING)));
}

function sectionContainer(heading: Element, elements: Element[]): Element | null {
  const level = headingLevel(heading);
  let title: string | undefined;
  for (let el = composedParent(heading); el; el = composedParent(el)) {
    if (el.matches('body, html')) return null;
    if (!el.matches(CONTAINER) && !(el.tagName.includes('-') && el.shadowRoot)) continue;
    // A container holding another heading of the same rank is a page, not this section.
    const rival = elements.some(
      (other) =>
        other !== heading &&
        other.matches(HEADING) &&
        headingLevel(other) <= level &&
        composedContains(el, other) &&
        normaliseLabel(visibleText(other)) !== (title ??= normaliseLabel(visibleText(heading))),
    );
    return rival ? null : el;
  }
  return null;
}

export function sectionAt(heading: Element, elements: Element[]): Section {
  const container = sectionContainer(heading, elements);
  if (container) return { heading, elements: elements.filter((el) => el !== container && composedContains(container, el)) };
  const start = elements.indexOf(heading);
  const level = headingLevel(heading);
  const sameKind = (el: Element) =>
    el.tagName === heading.tagName && el.className === heading.className && !!el.className;
  let end = elements.length;
  for (let i = start + 1; i < elements.length; i++) {
    const el = elements[i]!;
    if (composedContains(heading, el)) continue;
    if ((el.matches(HEADING) && headingLevel(el) <= level) || sameKind(el)) {
      end = i;
      break;
    }
  }
  // Fields may sit in the heading's parent after it: start at the heading, not at its container.
  return { heading, elements: elements.slice(start + 1, end).filter((el) => !composedContains(heading, el)) };
}

const FIELD = 'input:not([type=hidden]), select, textarea, [role=combobox], [role=switch], [role=checkbox], [role=textbox]';

/**
 * The visible section headed by one of `words`. Where the page has several (hidden, clipped or
 * transparent copies are a harvesting trick), the one with the most fields a person can see wins.
 */
export function findSection(elements: Element[], words: string[]): Section | null {
  let best: { section: Section; score: number } | null = null;
  for (const heading of findHeadings(elements, words)) {
    if (!isRendered(heading)) continue;
    const section = sectionAt(heading, elements);
    const score = section.elements.filter((el) => el.matches(FIELD) && isFillable(el)).length;
    if (!best || score > best.score) best = { section, score };
  }
  return best?.section ?? null;
}
