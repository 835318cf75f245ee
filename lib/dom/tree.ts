// The page as one tree: open shadow roots (and closed ones where the browser lets an extension
// see them) and same-origin iframes are walked in place, with a depth cap.

export type ShadowRootOf = (element: Element) => ShadowRoot | null;

export interface WalkOptions {
  /** chrome.dom.openOrClosedShadowRoot in a content script; open roots only by default. */
  shadowRootOf?: ShadowRootOf;
  maxDepth?: number;
  /** Stop after this many elements: every page-side loop is bounded. */
  maxElements?: number;
}

// Only custom elements and these HTML elements can host a shadow root (attachShadow's list).
const SHADOW_HOST_NAMES = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

export function canHostShadow(element: Element): boolean {
  return element.localName.includes('-') || SHADOW_HOST_NAMES.has(element.localName);
}

const defaultShadowRootOf: ShadowRootOf = (element) => element.shadowRoot;

/** Every element under `root` in document order, shadow and frame contents at their host. */
export function deepElements(root: ParentNode, options: WalkOptions = {}): Element[] {
  const shadowRootOf = options.shadowRootOf ?? defaultShadowRootOf;
  const maxDepth = options.maxDepth ?? 8;
  const maxElements = options.maxElements ?? 500_000;
  const out: Element[] = [];
  // querySelectorAll('*') walks the light tree natively (document order); shadow and frame
  // contents are spliced in right after their host, as they render.
  const visit = (node: ParentNode, depth: number): void => {
    const all = node.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      if (out.length >= maxElements) return;
      const element = all[i]!;
      out.push(element);
      if (depth >= maxDepth) continue;
      if (canHostShadow(element)) {
        const shadow = shadowRootOf(element);
        if (shadow) visit(shadow, depth + 1);
      } else if (element.localName === 'iframe') {
        const doc = sameOriginDocument(element as HTMLIFrameElement);
        if (doc?.documentElement) visit(doc, depth + 1);
      }
    }
  };
  // A shadow host passed as the root: its own shadow content comes first, as it renders.
  const ownShadow = 'tagName' in root && canHostShadow(root as Element) ? shadowRootOf(root as Element) : null;
  if (ownShadow) visit(ownShadow, 1);
  visit(root, 0);
  return out;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** The parent in the composed tree: through shadow hosts and frame elements. */
export function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  if (parent && 'host' in parent) return (parent as ShadowRoot).host;
  if (parent && parent.nodeType === 9) return (parent as Document).defaultView?.frameElement ?? null;
  return null;
}

export function composedClosest(element: Element, selector: string): Element | null {
  for (let el: Element | null = element; el; el = composedParent(el)) {
    if (el.matches(selector)) return el;
  }
  return null;
}

export function composedContains(ancestor: Element, node: Element): boolean {
  for (let el: Element | null = node; el; el = composedParent(el)) if (el === ancestor) return true;
  return false;
}

/** Looks an id up where it is meaningful: the element's own document or shadow root. */
export function byIdInRoot(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/**
 * Text a person reads in this element, without what assistive tech is told to skip, in render
 * order: a shadow host shows its shadow tree, with its light children only where a <slot> places
 * them (unslotted children are not rendered, so not read). Open shadow roots only.
 */
export function visibleText(element: Element): string {
  let text = '';
  const walk = (parent: Node, inShadow: boolean): void => {
    for (let child = parent.firstChild; child; child = child.nextSibling) add(child, inShadow);
  };
  // `inShadow`: inside a shadow tree, the only place a <slot> is assigned nodes. Elsewhere an
  // element costs what it always did: the hidden and tag checks and one shadowRoot read.
  const add = (node: Node, inShadow: boolean): void => {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    text += ' ';
    const shadow = el.shadowRoot;
    // A slot shows its assigned nodes (nested slots resolved), else its fallback children.
    const slotted = inShadow && tag === 'SLOT' ? (el as HTMLSlotElement).assignedNodes({ flatten: true }) : null;
    if (slotted?.length) for (const n of slotted) add(n, true);
    else walk(shadow ?? el, inShadow || !!shadow);
    text += ' ';
  };
  const own = element.shadowRoot;
  walk(own ?? element, !!own || 'host' in element.getRootNode());
  return text;
}
