// Tables by their column headers: native <table>s and ARIA grids (columnheader/gridcell, aria-colindex).

import { visibleText } from './tree';
import { isRendered } from './visibility';
import { cleanValue, labelScore } from './text';

const HEADER = 'th, [role=columnheader]';
const GRID = 'table, [role=grid], [role=table], [role=treegrid]';
const CELL = 'td, th, [role=gridcell], [role=cell], [role=rowheader], [role=columnheader]';

export interface TableColumns<K extends string> {
  container: Element;
  /** Column position (0-based, or aria-colindex when the grid uses it) for each wanted header. */
  columns: Partial<Record<K, number>>;
  usesColIndex: boolean;
}

export interface TableRow<K extends string> {
  cells: Partial<Record<K, string>>;
  cellElements: Partial<Record<K, Element>>;
  /** aria-rowindex when the grid gives one (virtualised grids), else the row's position. */
  index: number;
  element: Element;
}

/** A column header cell: cheaper than matches() on every element of a large page. */
export function isHeaderCell(el: Element): boolean {
  return el.localName === 'th' || el.getAttribute('role') === 'columnheader';
}

function columnPosition(header: Element): { position: number; usesColIndex: boolean } {
  const colIndex = header.getAttribute('aria-colindex');
  if (colIndex && Number.isFinite(Number(colIndex))) return { position: Number(colIndex), usesColIndex: true };
  const row = header.parentElement;
  return { position: row ? Array.prototype.indexOf.call(row.children, header) : -1, usesColIndex: false };
}

/**
 * Finds the table whose headers name the `required` columns (and whichever `optional` ones it has).
 * `headers` maps each key to the header words users see, e.g. { identifier: ['Site Identifier'] }.
 */
export function findTable<K extends string>(
  elements: Element[],
  headers: Record<K, string[]>,
  required: NoInfer<K>[],
): TableColumns<K> | null {
  const byContainer = new Map<Element, TableColumns<K>>();
  for (const header of elements) {
    if (!isHeaderCell(header) || !isRendered(header)) continue;
    const text = visibleText(header);
    const container = header.closest(GRID);
    if (!container) continue;
    for (const key of Object.keys(headers) as K[]) {
      if (!headers[key].some((words) => labelScore(text, words) === 2)) continue;
      const entry: TableColumns<K> = byContainer.get(container) ?? { container, columns: {}, usesColIndex: false };
      const { position, usesColIndex } = columnPosition(header);
      if (entry.columns[key] === undefined) entry.columns[key] = position;
      entry.usesColIndex ||= usesColIndex;
      byContainer.set(container, entry);
    }
  }
  for (const entry of byContainer.values()) {
    if (required.every((key) => entry.columns[key] !== undefined)) return entry;
  }
  return null;
}

function rowsOf(container: Element): Element[] {
  if (container.tagName === 'TABLE') {
    const table = container as HTMLTableElement;
    // Body rows when the table has a header section; otherwise every row that has data cells.
    if (table.tHead) return Array.from(table.querySelectorAll(':scope > tbody > tr, :scope > tr'));
    return Array.from(table.rows).filter((row) => !row.querySelector(HEADER) || row.querySelector('td'));
  }
  return Array.from(container.querySelectorAll('[role=row]')).filter(
    (row) => !row.querySelector('[role=columnheader]') && row.closest(GRID) === container,
  );
}

function cellAt(row: Element, position: number, usesColIndex: boolean): Element | undefined {
  if (usesColIndex) {
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (cell.getAttribute('aria-colindex') === String(position)) return cell;
    }
    return row.querySelector(`[aria-colindex="${position}"]`) ?? undefined;
  }
  // Indexed access, no arrays per row: a 10,000-row list must read in well under 150 ms.
  if (row.localName === 'tr') return (row as HTMLTableRowElement).cells[position];
  let index = 0;
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (!cell.matches(CELL)) continue;
    if (index++ === position) return cell;
  }
  return undefined;
}

const NOT_TEXT = 'button, [role=button], svg, [aria-hidden=true], [hidden]';

/** What a cell shows: its input's value, or its text without buttons and icons. */
export function cellText(cell: Element): string {
  // Most cells are plain text: no element children, nothing to strip (10,000-row lists).
  if (cell.childElementCount === 0 && !cell.shadowRoot) return cleanValue(cell.textContent ?? '');
  const input = cell.querySelector('input:not([type=hidden]):not([type=checkbox]), textarea') as HTMLInputElement | null;
  if (input) return cleanValue(input.value);
  if (!cell.querySelector(NOT_TEXT)) return cleanValue(visibleText(cell));
  const clone = cell.cloneNode(true) as Element;
  clone.querySelectorAll(NOT_TEXT).forEach((n) => n.remove());
  return cleanValue(visibleText(clone));
}

/** A cell's separate lines: "name" then "description" in a Name / Desc column. */
export function cellLines(cell: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const text = cleanValue(current);
    if (text) lines.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(NOT_TEXT)) continue;
        const block = el.tagName === 'BR' || /^(DIV|P|LI|SMALL|H\d)$/.test(el.tagName) || el.getAttribute('style')?.includes('block');
        if (block) flush();
        walk(el);
        if (block || el.tagName === 'SPAN') flush();
      }
    }
  };
  walk(cell);
  flush();
  return lines;
}

/** The rows currently in the DOM, as text by column key. */
export function readRows<K extends string>(table: TableColumns<K>): TableRow<K>[] {
  const out: TableRow<K>[] = [];
  if (!isRendered(table.container)) return out;
  const view = table.container.ownerDocument.defaultView;
  const keys = Object.keys(table.columns) as K[];
  rowsOf(table.container).forEach((row, i) => {
    // Per-row check kept cheap: a 10,000-row list must read in well under 150 ms.
    if (row.hasAttribute('hidden') || view?.getComputedStyle(row).display === 'none') return;
    const cells: Partial<Record<K, string>> = {};
    const cellElements: Partial<Record<K, Element>> = {};
    for (const key of keys) {
      const cell = cellAt(row, table.columns[key]!, table.usesColIndex);
      if (cell) {
        cells[key] = cellText(cell);
        cellElements[key] = cell;
      }
    }
    const rowIndex = Number(row.getAttribute('aria-rowindex'));
    out.push({ cells, cellElements, index: Number.isFinite(rowIndex) && rowIndex > 0 ? rowIndex : i + 1, element: row });
  });
  return out;
}

/**
 * The grid's aria-rowcount as given (a positive number, header rows included: ARIA counts every
 * row), or null when it has none or it is not a positive number. Callers subtract header rows.
 */
export function declaredRowCount(table: TableColumns<string>): number | null {
  const count = Number(table.container.getAttribute('aria-rowcount'));
  return Number.isFinite(count) && count > 0 ? count : null;
}
