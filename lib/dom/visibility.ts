// Whether a person can see an element. Reading skips what is hidden; filling is stricter, since
// hidden copies of a form are a classic way to harvest autofilled secrets (SPEC §3).

import { composedParent } from './tree';

// A computed style is live (it always answers for the element's current state), so one per element
// serves every later check; asking again would build a new object each time.
const computedStyles = new WeakMap<Element, CSSStyleDeclaration>();

function styleOf(element: Element): CSSStyleDeclaration | null {
  const known = computedStyles.get(element);
  if (known) return known;
  const view = element.ownerDocument.defaultView;
  if (!view) return null;
  const style = view.getComputedStyle(element);
  computedStyles.set(element, style);
  return style;
}

/** Engines without layout (unit-test DOMs) report zero-size boxes for everything. */
function hasLayout(doc: Document): boolean {
  return doc.documentElement.getBoundingClientRect().width > 0;
}

/** Not display:none, visibility:hidden, `hidden` or aria-hidden, here or on any ancestor. */
export function isRendered(element: Element): boolean {
  for (let el: Element | null = element; el; el = composedParent(el)) {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
    if (el.tagName === 'DETAILS' && el !== element && !(el as HTMLDetailsElement).open) {
      if (!el.querySelector(':scope > summary')?.contains(element)) return false;
    }
    const style = styleOf(el);
    if (style && style.display === 'none') return false;
    if (el === element && style && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
  }
  if (hasLayout(element.ownerDocument)) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && element.getClientRects().length === 0) return false;
  }
  return true;
}

function effectivelyTransparent(element: Element): boolean {
  for (let el: Element | null = element; el; el = composedParent(el)) {
    const style = styleOf(el);
    if (style && Number.parseFloat(style.opacity || '1') < 0.05) return true;
  }
  return false;
}

function clippedAway(element: Element, rect: DOMRect): boolean {
  for (let el = composedParent(element); el; el = composedParent(el)) {
    const style = styleOf(el);
    if (!style) continue;
    if (style.clipPath && /inset\(\s*50%|circle\(\s*0/.test(style.clipPath)) return true;
    if (style.clip && /rect\(\s*0(px)?[ ,]+0(px)?[ ,]+0(px)?[ ,]+0(px)?\s*\)/.test(style.clip)) return true;
    // Only clipping that no scrolling can undo: overflow auto/scroll keeps content reachable.
    if (/hidden|clip/.test(`${style.overflowX} ${style.overflowY}`)) {
      const box = el.getBoundingClientRect();
      const overlapX = Math.min(rect.right, box.right) - Math.max(rect.left, box.left);
      const overlapY = Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top);
      if (overlapX < 1 || overlapY < 1) return true;
    }
  }
  const style = styleOf(element);
  return !!style && /inset\(\s*50%|circle\(\s*0/.test(style.clipPath || '');
}

const CONTROLS = 'input:not([type=hidden]), select, textarea, button, [role=combobox], [role=switch], [role=checkbox], [role=textbox]';

/**
 * The box a person sees for a control drawn transparent over a styled face: a native toggle over
 * its track (MUI's Switch), a combobox input inside its select box (Element Plus's Select). The face
 * is the nearest opaque, sized ancestor holding no other control, so a transparent copy of a whole form
 * never finds one.
 */
export function visibleFace(element: Element): Element | null {
  const input = element as HTMLInputElement;
  const isToggle = element.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio');
  if (isToggle) {
    const owner = input.labels?.[0] ?? composedParent(element);
    return owner && !effectivelyTransparent(owner) ? owner : null;
  }
  if (element.getAttribute('role') !== 'combobox') return null;
  let el = composedParent(element);
  for (let depth = 0; el && depth < 4; depth++, el = composedParent(el)) {
    const others = Array.from(el.querySelectorAll(CONTROLS)).filter((c) => c !== element);
    if (others.length) return null;
    if (!effectivelyTransparent(el) && hasBox(el)) return el;
  }
  return null;
}

/**
 * Rendered with a box a pointer can hit, whatever its opacity: for the options of a list Keyferry
 * itself just opened, which may still be fading in (animations stall in a background tab). An
 * option carries no secret, so the stricter fill rules are not needed to pick one.
 */
export function isClickable(element: Element): boolean {
  return isRendered(element) && hasBox(element);
}

/** At least 2×2 px (always true without layout, as in unit-test DOMs). */
function hasBox(element: Element): boolean {
  if (!hasLayout(element.ownerDocument)) return true;
  const rect = element.getBoundingClientRect();
  return rect.width >= 2 && rect.height >= 2;
}

/** Strict check before a value goes in: visible, opaque, on the page, at least 2×2 px, not clipped. */
export function isFillable(element: Element): boolean {
  if (!isRendered(element)) return false;
  const box = effectivelyTransparent(element) ? visibleFace(element) : element;
  if (!box) return false;
  const doc = element.ownerDocument;
  if (!hasLayout(doc)) return true;
  const rect = box.getBoundingClientRect();
  if (rect.width < 2 || rect.height < 2) return false;
  const view = doc.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return false;
  const pageWidth = Math.max(doc.documentElement.scrollWidth, view?.innerWidth ?? 0);
  if (rect.left + scrollX >= pageWidth) return false;
  return !clippedAway(box, rect);
}
