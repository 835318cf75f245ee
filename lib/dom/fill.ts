// Putting values in so the page's own framework registers them (Bitwarden's "insert" seam):
// native setters from this world, then the events a person's typing or clicking produces.

import { normaliseLabel } from './text';
import { byIdInRoot, composedParent, deepElements, visibleText } from './tree';
import { isClickable, isFillable, isRendered, visibleFace } from './visibility';
import { frameworksSettled, waitFor } from './wait';

export type FieldStatus = 'filled' | 'already-correct' | 'not-found' | 'rejected-by-page' | 'not-visible';

function eventInit(el: Element): MouseEventInit {
  return { bubbles: true, cancelable: true, composed: true, view: el.ownerDocument.defaultView };
}

/** The pointer and mouse sequence of a real click: some widgets open on mousedown, others on click. */
export function press(el: Element): void {
  const view = el.ownerDocument.defaultView;
  const init = eventInit(el);
  const Pointer = view?.PointerEvent ?? view?.MouseEvent ?? MouseEvent;
  const Mouse = view?.MouseEvent ?? MouseEvent;
  el.dispatchEvent(new Pointer('pointerdown', init));
  el.dispatchEvent(new Mouse('mousedown', init));
  (el as HTMLElement).focus?.({ preventScroll: true });
  el.dispatchEvent(new Pointer('pointerup', init));
  el.dispatchEvent(new Mouse('mouseup', init));
  el.dispatchEvent(new Mouse('click', init));
}

function nativeValueSetter(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): (v: string) => void {
  const view = el.ownerDocument.defaultView;
  const proto =
    el.tagName === 'TEXTAREA'
      ? view?.HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? view?.HTMLSelectElement.prototype
        : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  return setter ? (v) => setter.call(el, v) : (v) => (el.value = v);
}

function currentText(el: Element): string {
  if ('value' in el && typeof (el as HTMLInputElement).value === 'string' && el.tagName !== 'BUTTON') {
    return (el as HTMLInputElement).value;
  }
  return el.textContent ?? '';
}

function dispatchInput(el: Element, value: string): void {
  const view = el.ownerDocument.defaultView;
  const Input = view?.InputEvent ?? view?.Event ?? Event;
  el.dispatchEvent(new Input('input', { bubbles: true, composed: true, inputType: 'insertText', data: value } as InputEventInit));
  el.dispatchEvent(new (view?.Event ?? Event)('change', { bubbles: true }));
}

/** Whether a person can see a field; a filler may pass one that remembers answers from one layout. */
export type VisibleCheck = (el: Element) => boolean;

/** Sets a text field as typing would: focus, value, input, change, blur. */
export function setText(el: Element, value: string, visible: VisibleCheck = isFillable): FieldStatus {
  const field = el as HTMLInputElement;
  if (!visible(el)) return 'not-visible';
  if (field.readOnly || field.disabled) return 'rejected-by-page';
  if (currentText(el) === value) return 'already-correct';
  field.focus?.({ preventScroll: true });
  if (el.getAttribute('contenteditable') === 'true' || el.getAttribute('role') === 'textbox') {
    el.textContent = value;
  } else {
    nativeValueSetter(field)(value);
  }
  dispatchInput(el, value);
  field.blur?.();
  return currentText(el) === value ? 'filled' : 'rejected-by-page';
}

export function textMatches(el: Element, value: string): boolean {
  return currentText(el) === value;
}

/**
 * Reads text fields back once the page's frameworks have settled: a value the page put back is set
 * once more and read back again. The final status of each field that slipped, by field.
 */
export async function readBack(fields: readonly { el: Element; value: string }[], visible: VisibleCheck = isFillable): Promise<Map<Element, FieldStatus>> {
  await frameworksSettled();
  const slipped = fields.filter(({ el, value }) => !textMatches(el, value));
  for (const { el, value } of slipped) setText(el, value, visible);
  if (slipped.length) await frameworksSettled();
  return new Map(slipped.map(({ el, value }) => [el, textMatches(el, value) ? 'filled' : 'rejected-by-page']));
}

// ---- toggles ----

export function toggleState(el: Element): boolean | null {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  const checked = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
  if (checked === 'true') return true;
  if (checked === 'false') return false;
  const input = el.querySelector('input[type=checkbox]');
  return input ? (input as HTMLInputElement).checked : null;
}

/** Visibility decided once per fill, before any value goes in: one layout, not one per field. */
export function visibilityOnce(elements: Element[]): VisibleCheck {
  const known = new Map(elements.map((el) => [el, isFillable(el)]));
  return (el) => known.get(el) ?? isFillable(el);
}

/** Clicks only when the state differs, then checks the page agreed. */
export async function setToggle(el: Element, on: boolean, visible: VisibleCheck = isFillable): Promise<FieldStatus> {
  if (!visible(el)) return 'not-visible';
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') return 'rejected-by-page';
  if (toggleState(el) === on) return 'already-correct';
  (el as HTMLElement).click();
  const agreed = await waitFor(el.ownerDocument, () => toggleState(el) === on, 300);
  return agreed ? 'filled' : 'rejected-by-page';
}

// ---- selects and comboboxes ----

function optionTextMatches(option: Element, wanted: string): boolean {
  return normaliseLabel(visibleText(option)) === normaliseLabel(wanted);
}

export function selectedText(el: Element): string {
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent ?? '';
  }
  if (el.tagName === 'INPUT') {
    const value = (el as HTMLInputElement).value;
    // A read-only combobox input may show its choice beside itself (Element Plus's Select).
    if (value || el.getAttribute('role') !== 'combobox') return value;
    const face = visibleFace(el);
    return face ? visibleText(face) : '';
  }
  return visibleText(el);
}

export function showsOption(el: Element, wanted: string): boolean {
  const text = normaliseLabel(selectedText(el));
  return text === normaliseLabel(wanted) || (el.tagName !== 'SELECT' && text.includes(normaliseLabel(wanted)));
}

function setNativeSelect(select: HTMLSelectElement, wanted: string): FieldStatus {
  const option = Array.from(select.options).find((o) => optionTextMatches(o, wanted));
  if (!option) return 'not-found';
  if (select.value === option.value && showsOption(select, wanted)) return 'already-correct';
  select.focus?.({ preventScroll: true });
  nativeValueSetter(select)(option.value);
  dispatchInput(select, option.value);
  select.blur?.();
  return showsOption(select, wanted) ? 'filled' : 'rejected-by-page';
}

function listboxesFor(combo: Element, everything: Element[]): Element[] {
  const ids = [combo, ...Array.from(combo.querySelectorAll('[aria-controls], [aria-owns]'))]
    .flatMap((el) => `${el.getAttribute('aria-controls') ?? ''} ${el.getAttribute('aria-owns') ?? ''}`.split(/\s+/))
    .filter(Boolean);
  const named = ids
    .map((id) => byIdInRoot(combo, id) ?? combo.ownerDocument.getElementById(id))
    .filter((el): el is Element => !!el);
  // Component libraries often render the list in a portal at the end of <body>.
  const anywhere = everything.filter((el) => el.matches('[role=listbox], [role=menu]'));
  return [...named, ...anywhere].filter((el) => isRendered(el));
}

function findOption(combo: Element, wanted: string, everything: Element[]): Element | null {
  for (const list of listboxesFor(combo, everything)) {
    const options = list.matches('[role=option], [role=menuitem]')
      ? [list]
      : Array.from(list.querySelectorAll('[role=option], [role=menuitem], [role=menuitemradio], li'));
    // With a box, not just rendered: a zero-width copy kept for screen readers cannot be clicked.
    const match = options.find((o) => optionTextMatches(o, wanted) && isClickable(o));
    if (match) return match;
  }
  return null;
}

/**
 * Visible elements whose own text is exactly the option's, deepest first. Some libraries (Ant
 * Design) give role=option only to zero-size copies for screen readers and draw the clickable
 * options as plain divs: those are found as the ones that appear once the list is open.
 */
function elementsShowing(everything: Element[], wanted: string): Element[] {
  const want = normaliseLabel(wanted);
  const out: Element[] = [];
  for (const el of everything) {
    const text = el.textContent ?? '';
    if (text.length > want.length + 40 || normaliseLabel(visibleText(el)) !== want) continue;
    if (!isClickable(el)) continue;
    // Keep the deepest: drop an ancestor already taken.
    const parentIndex = out.findIndex((o) => o.contains(el));
    if (parentIndex >= 0) out.splice(parentIndex, 1);
    out.push(el);
  }
  return out;
}

function appearedOption(everything: Element[], wanted: string, before: Set<Element>): Element | null {
  return elementsShowing(everything, wanted).find((el) => !before.has(el)) ?? null;
}

/** A hidden input inside a visible combobox box (Vuetify's VSelect labels the input, not the box). */
function visibleOuterCombobox(el: Element, visible: VisibleCheck): Element | null {
  let outer = composedParent(el);
  for (let depth = 0; outer && depth < 4; depth++, outer = composedParent(outer)) {
    if (outer.matches('[role=combobox], [aria-haspopup=listbox]')) return visible(outer) ? outer : null;
  }
  return null;
}

/** Native select by option text, or a custom combobox: open it, pick the option, check it shows. */
export async function chooseOption(control: Element, wanted: string, visible: VisibleCheck = isFillable, timeoutMs = 1500): Promise<FieldStatus> {
  const el = visible(control) ? control : visibleOuterCombobox(control, visible);
  if (!el) return 'not-visible';
  if (el.tagName === 'SELECT') return setNativeSelect(el as HTMLSelectElement, wanted);
  if (showsOption(el, wanted)) return 'already-correct';
  const doc = el.ownerDocument;
  const before = new Set(elementsShowing(deepElements(doc), wanted));
  // A typeable combobox filters by what is typed; a read-only one opens on a click.
  if (el.tagName === 'INPUT' && !(el as HTMLInputElement).readOnly) setText(el, wanted, visible);
  else press(el);
  // One walk of the page per look: the list may be in a portal or a shadow root.
  const option = await waitFor(
    doc,
    () => {
      const everything = deepElements(doc);
      return findOption(el, wanted, everything) ?? appearedOption(everything, wanted, before);
    },
    timeoutMs,
  );
  if (!option) {
    el.ownerDocument.defaultView?.document.body?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    return 'not-found';
  }
  press(option);
  const shown = await waitFor(el.ownerDocument, () => showsOption(el, wanted), 500);
  return shown ? 'filled' : 'rejected-by-page';
}

export function isSelectLike(el: Element): boolean {
  return el.matches('select, [role=combobox], [aria-haspopup=listbox], [aria-haspopup=true][aria-expanded]');
}

export function isToggleLike(el: Element): boolean {
  return el.matches('input[type=checkbox], [role=switch], [role=checkbox], button[aria-pressed]');
}

export function isTextLike(el: Element): boolean {
  return (
    el.matches('input, textarea, [role=textbox], [contenteditable=true]') &&
    !el.matches('input[type=checkbox], input[type=radio], [role=combobox]')
  );
}
