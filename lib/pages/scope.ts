import { deepElements, type WalkOptions } from '../dom/tree';

/** The page a reader or filler works on; walk options carry the browser's shadow-root access. */
export interface PageScope {
  document: Document;
  hostname: string;
  walk?: WalkOptions;
}

export function pageElements(scope: PageScope): Element[] {
  return scope.document.body ? deepElements(scope.document.body, scope.walk) : [];
}
