// Finding what a visible label names, by ranked signals (Bitwarden's "collect" + "qualify" seams).

import { cleanValue, labelScore, normaliseLabel } from './text';
import { byIdInRoot, composedParent, visibleText } from './tree';
import { isRendered } from './visibility';

export const CONTROL_SELECTOR = [
  'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]):not([type=file])',
  'textarea',
  'select',
  '[role=combobox]',
  '[role=switch]',
  '[role=checkbox]',
  '[role=textbox]',
  'button[aria-pressed]',
].join(',');

export interface LabelSignal {
  text: string;
  /** Lower is stronger: the order DEVELOPERS.md and the capture issue give. */
  rank: number;
}

const MAX_LABEL_LENGTH = 160;

function textOfIds(element: Element, ids: string): string {
  return ids
    .split(/\s+/)
    .map((id) => {
      const target = id ? byIdInRoot(element, id) : null;
      return target ? visibleText(target) : '';
    })
    .join(' ');
}

/** Text of a wrapping label or container without the control's own text (e.g. a select's options). */
function textWithout(container: Element, control: Element): string {
  const clone = container.cloneNode(true) as Element;
  const path: number[] = [];
  for (let el: Element = control; el !== container && el.parentElement; el = el.parentElement) {
    path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
  }
  let target: Element | undefined = clone;
  for (const index of path) target = target?.children[index];
  target?.remove();
  clone.querySelectorAll('select, option, button, [role=listbox]').forEach((n) => n.remove());
  return visibleText(clone);
}

function tableHeaderText(cell: Element): string {
  const row = cell.parentElement;
  const table = cell.closest('table');
  if (!row || !table) return '';
  const index = Array.prototype.indexOf.call(row.children, cell);
  const headerRow = table.tHead?.rows[0] ?? table.rows[0];
  if (headerRow && headerRow !== row) {
    const header = headerRow.cells[index];
    if (header) return visibleText(header);
  }
  const first = row.children[0];
  return first && first !== cell ? visibleText(first) : '';
}

/** Short text just before the control in the same row or group. */
function precedingText(control: Element): string {
  let el: Element | null = control;
  for (let depth = 0; el && depth < 3; depth++) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.matches(CONTROL_SELECTOR) || sib.querySelector(CONTROL_SELECTOR)) return '';
      if (!isRendered(sib)) continue;
      const text = cleanValue(visibleText(sib));
      if (text) return text.length <= MAX_LABEL_LENGTH ? text : '';
    }
    const parent: Element | null = composedParent(el);
    if (!parent || parent.querySelectorAll(CONTROL_SELECTOR).length > 1) return '';
    // A text node directly before the control: "Maintenance ID <input>".
    const own = Array.from(parent.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue ?? '')
      .join(' ');
    if (cleanValue(own)) return cleanValue(own);
    el = parent;
  }
  return '';
}

/** Every label a person could read for this control, strongest (lowest rank) first; equal ranks in the order found. */
export function labelsOf(control: Element): LabelSignal[] {
  const out: LabelSignal[] = [];
  const add = (text: string | null | undefined, rank: number) => {
    const clean = text ? cleanValue(text) : '';
    if (clean && clean.length <= MAX_LABEL_LENGTH) out.push({ text: clean, rank });
  };
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) add(textOfIds(control, labelledBy), 1);
  add(control.getAttribute('aria-label'), 2);
  const id = control.getAttribute('id');
  if (id) {
    const root = control.getRootNode() as Document | ShadowRoot;
    root.querySelectorAll?.(`label[for="${CSS.escape(id)}"]`).forEach((label) => add(visibleText(label), 0));
  }
  const wrapping = control.closest('label');
  if (wrapping) add(textWithout(wrapping, control), 0);
  const role = control.getAttribute('role');
  if ((role === 'switch' || role === 'checkbox') && control.tagName !== 'INPUT') add(visibleText(control), 3);
  const cell = control.closest('td, [role=gridcell], [role=cell]');
  if (cell) add(tableHeaderText(cell), 5);
  add(precedingText(control), 6);
  add(control.getAttribute('placeholder'), 7);
  add(control.getAttribute('title'), 8);
  // Collected in the order each signal is cheapest to find; a stable sort puts the strongest first.
  return out.sort((a, b) => a.rank - b.rank);
}

export interface LabelMatch {
  element: Element;
  score: number;
}

/** Best-scoring candidate whose labels name `wanted`; exact beats contains, stronger signal beats weaker. */
export function bestLabelled(candidates: Element[], wanted: string, exclude = new Set<Element>()): Element | null {
  let best: LabelMatch | null = null;
  for (const element of candidates) {
    if (exclude.has(element)) continue;
    for (const signal of labelsOf(element)) {
      const match = labelScore(signal.text, wanted);
      if (!match) continue;
      const score = match * 100 - signal.rank;
      if (!best || score > best.score) best = { element, score };
    }
  }
  return best?.element ?? null;
}

/** Elements whose whole visible text is the label (an inline "Label: value" counts too). */
export function labelElements(elements: Element[], wanted: string): { element: Element; inlineValue?: string }[] {
  const want = normaliseLabel(wanted);
  // Cheap native pre-check: most elements (a 10,000-row table's cells) never mention the label.
  const firstWord = want.split(' ')[0] ?? want;
  const out: { element: Element; inlineValue?: string }[] = [];
  for (const element of elements) {
    const raw = element.textContent ?? '';
    if (raw.length > MAX_LABEL_LENGTH + 400 || !raw.toLowerCase().includes(firstWord)) continue;
    if (element.matches('script, style, template, option, select, html, body, head')) continue;
    const text = cleanValue(visibleText(element));
    if (!text || text.length > MAX_LABEL_LENGTH + 400) continue;
    const norm = normaliseLabel(text);
    if (norm === want) {
      out.push({ element });
      continue;
    }
    const colon = text.indexOf(':');
    if (colon > 0 && normaliseLabel(text.slice(0, colon)) === want) {
      const inlineValue = cleanValue(text.slice(colon + 1));
      if (inlineValue) out.push({ element, inlineValue });
    }
  }
  // Innermost only: a wrapper whose text is just the label adds nothing.
  return out.filter((a) => !out.some((b) => b !== a && a.element.contains(b.element)));
}
