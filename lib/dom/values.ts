// Reading the value a label names, whether it sits in an input, a definition list, a table row
// or plain text beside the label.

import { CONTROL_SELECTOR, bestLabelled, labelElements } from './labels';
import { cleanValue, isMasked } from './text';
import { visibleText } from './tree';
import { isRendered } from './visibility';

export interface ReadValue {
  value: string;
  masked: boolean;
  element: Element;
}

export type Accept = (value: string) => boolean;

const anyValue: Accept = (value) => value.length > 0;
const TEXT_INPUTS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea';

function controlValue(control: Element): ReadValue {
  const input = control as HTMLInputElement;
  const value = cleanValue(input.value ?? '');
  const masked = (input.type === 'password' && !value) || isMasked(value);
  return { value: masked ? '' : value, masked, element: control };
}

/** What a value element shows: its input's value, else its text without buttons and icons. */
export function valueOfElement(element: Element): ReadValue | null {
  if (element.matches(TEXT_INPUTS)) return controlValue(element);
  const input = element.querySelector(TEXT_INPUTS);
  if (input && isRendered(input)) return controlValue(input);
  if (element.matches(CONTROL_SELECTOR) || element.matches('button, [role=button], a')) return null;
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('button, [role=button], svg, [aria-hidden=true], [hidden], .sr-only, .visually-hidden').forEach((n) => n.remove());
  const text = cleanValue(visibleText(clone));
  if (!text) return null;
  const masked = isMasked(text);
  return { value: masked ? '' : text, masked, element };
}

function* valueCandidates(label: Element): Generator<Element> {
  if (label.tagName === 'LABEL') {
    const control = (label as HTMLLabelElement).control;
    if (control) yield control;
  }
  if (label.tagName === 'DT') {
    for (let sib = label.nextElementSibling; sib && sib.tagName !== 'DT'; sib = sib.nextElementSibling) yield sib;
    return;
  }
  const cell = label.closest('td, th, [role=cell], [role=gridcell], [role=rowheader]');
  if (cell && cell.parentElement) {
    // Label and value in one cell first (Ant Design's Descriptions), then the next cells.
    for (let el: Element | null = label; el && el !== cell; el = el.parentElement) {
      for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) yield sib;
    }
    for (let sib = cell.nextElementSibling; sib; sib = sib.nextElementSibling) yield sib;
    return;
  }
  let el: Element | null = label;
  for (let depth = 0; el && depth < 3; depth++) {
    for (let sib = el.nextElementSibling; sib; sib = sib.nextElementSibling) yield sib;
    el = el.parentElement;
    // Stop climbing once the parent holds more than this one label/value pair.
    if (!el || el.children.length > 4) return;
  }
}

/**
 * The value a visible label names within `elements` (a scope's deep element list).
 * `accept` rejects values of the wrong shape, so help text beside a label is not taken for a token.
 */
export function readLabelledValue(elements: Element[], wanted: string, accept: Accept = anyValue): ReadValue | null {
  const controls = elements.filter((el) => el.matches(TEXT_INPUTS) && isRendered(el));
  const control = bestLabelled(controls, wanted);
  if (control) {
    const read = controlValue(control);
    if (read.masked || accept(read.value)) return read;
  }
  for (const { element, inlineValue } of labelElements(elements, wanted)) {
    if (!isRendered(element)) continue;
    if (inlineValue !== undefined) {
      const masked = isMasked(inlineValue);
      if (masked || accept(inlineValue)) return { value: masked ? '' : inlineValue, masked, element };
      continue;
    }
    for (const candidate of valueCandidates(element)) {
      if (!isRendered(candidate)) continue;
      const read = valueOfElement(candidate);
      if (!read) continue;
      if (read.masked || accept(read.value)) return read;
      break;
    }
  }
  return null;
}

/** Token-shaped: one word, long enough to be a credential rather than prose. */
export const tokenShaped: Accept = (value) => value.length >= 8 && value.length <= 4096 && !/\s/.test(value);
