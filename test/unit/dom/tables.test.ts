import { beforeEach, describe, expect, it } from 'vitest';
import { cellLines, cellText, declaredRowCount, findTable, readRows } from '@/lib/dom/tables';
import { deepElements } from '@/lib/dom/tree';

type Col = 'name' | 'identifier' | 'city';
const HEADERS: Record<Col, string[]> = {
  name: ['Site Name'],
  identifier: ['Site Identifier', 'Site ID'],
  city: ['City'],
};

const page = () => deepElements(document.body);
const cell = (html: string): Element => {
  document.body.innerHTML = `<table><tbody><tr><td id="c">${html}</td></tr></tbody></table>`;
  return document.getElementById('c')!;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findTable', () => {
  it('finds a native table by its header words and gives each column’s position', () => {
    document.body.innerHTML = `<table id="t"><thead><tr><th>Site Name</th><th>Site Identifier</th><th>City</th></tr></thead>
      <tbody><tr><td>Maple</td><td>MS-1</td><td>Springfield</td></tr></tbody></table>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.container).toBe(document.getElementById('t'));
    expect(table?.columns).toEqual({ name: 0, identifier: 1, city: 2 });
    expect(table?.usesColIndex).toBe(false);
  });

  it('columns may come in any order, with other columns between', () => {
    document.body.innerHTML = `<table><tr><th>City</th><th>Status</th><th>Site ID</th><th>Region</th><th>Site Name</th></tr>
      <tr><td>Springfield</td><td>Open</td><td>MS-1</td><td>North</td><td>Maple</td></tr></table>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.columns).toEqual({ city: 0, identifier: 2, name: 4 });
    expect(readRows(table!).map((r) => r.cells)).toEqual([{ city: 'Springfield', identifier: 'MS-1', name: 'Maple' }]);
  });

  it('header text matches after normalisation (case, colon, asterisk), ignoring aria-hidden sort icons', () => {
    document.body.innerHTML = `<table><tr><th>SITE NAME:</th><th>Site Identifier * <span aria-hidden="true">▲</span></th></tr></table>`;
    expect(findTable(page(), HEADERS, ['name', 'identifier'])?.columns).toEqual({ name: 0, identifier: 1 });
  });

  it('a header that merely contains the words is not the column', () => {
    document.body.innerHTML = `<table><tr><th>Site Name</th><th>Previous Site Identifier</th></tr></table>`;
    expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
    expect(findTable(page(), HEADERS, ['name'])?.columns).toEqual({ name: 0 });
  });

  it('optional columns are included when present, and their absence does not matter', () => {
    document.body.innerHTML = `<table><tr><th>Site Name</th><th>Site Identifier</th></tr></table>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.columns).toEqual({ name: 0, identifier: 1 });
    expect('city' in table!.columns).toBe(false);
  });

  it('a missing required column means no table', () => {
    document.body.innerHTML = `<table><tr><th>Site Name</th><th>City</th></tr></table>`;
    expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
  });

  it('picks the table that has the required columns when another table has only some of them', () => {
    document.body.innerHTML = `<table id="first"><tr><th>Site Name</th><th>Notes</th></tr></table>
      <table id="second"><tr><th>Site Identifier</th><th>Site Name</th></tr></table>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.container.id).toBe('second');
    expect(table?.columns).toEqual({ identifier: 0, name: 1 });
  });

  it('required columns split across two tables do not make one table', () => {
    document.body.innerHTML = `<table><tr><th>Site Name</th></tr></table><table><tr><th>Site Identifier</th></tr></table>`;
    expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
  });

  it('finds an ARIA grid and uses aria-colindex as the column position', () => {
    document.body.innerHTML = `<div role="grid" id="g" aria-rowcount="3">
      <div role="row" aria-rowindex="1"><div role="columnheader" aria-colindex="1">Site Identifier</div><div role="columnheader" aria-colindex="2">Site Name</div><div role="columnheader" aria-colindex="4">City</div></div>
    </div>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.container).toBe(document.getElementById('g'));
    expect(table?.columns).toEqual({ identifier: 1, name: 2, city: 4 });
    expect(table?.usesColIndex).toBe(true);
  });

  it('ignores hidden headers', () => {
    document.body.innerHTML = `<table><tr><th>Site Name</th><th hidden>Site Identifier</th><th style="display:none">City</th></tr></table>`;
    expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
    expect(findTable(page(), HEADERS, ['name'])?.columns).toEqual({ name: 0 });
  });

  it('ignores a table that is hidden as a whole', () => {
    document.body.innerHTML = `<div style="display:none"><table><tr><th>Site Name</th><th>Site Identifier</th></tr></table></div>`;
    expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
  });

  it('finds a table inside an open shadow root', () => {
    document.body.innerHTML = '<x-sites id="host"></x-sites>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<table id="inner"><tr><th>Site Name</th><th>Site Identifier</th></tr><tr><td>A</td><td>B</td></tr></table>';
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.container).toBe(root.getElementById('inner'));
    expect(readRows(table!).map((r) => r.cells)).toEqual([{ name: 'A', identifier: 'B' }]);
  });

  it('reads a custom-element column header by its shadow root, and its slotted words in render order', () => {
    document.body.innerHTML = `<div role="grid" id="g"><div role="row">
      <x-col id="name" role="columnheader"></x-col><x-col id="ident" role="columnheader">Identifier</x-col>
    </div></div>`;
    document.getElementById('name')!.attachShadow({ mode: 'open' }).innerHTML = '<span>Site Name</span>';
    document.getElementById('ident')!.attachShadow({ mode: 'open' }).innerHTML = '<span>Site</span> <slot></slot>';
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table?.container).toBe(document.getElementById('g'));
    expect(table?.columns).toEqual({ name: 0, identifier: 1 });
  });

  describe('bad input', () => {
    it('no elements', () => {
      expect(findTable([], HEADERS, ['name'])).toBeNull();
    });

    it('column headers with no table or grid around them', () => {
      document.body.innerHTML = `<div><div role="columnheader">Site Name</div><div role="columnheader">Site Identifier</div></div>`;
      expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
    });

    it('the words in ordinary cells, not headers', () => {
      document.body.innerHTML = `<table><tr><td>Site Name</td><td>Site Identifier</td></tr></table>`;
      expect(findTable(page(), HEADERS, ['name', 'identifier'])).toBeNull();
    });
  });
});

describe('readRows', () => {
  it('reads the body rows of a native table by column, with positions as index', () => {
    document.body.innerHTML = `<table><thead><tr><th>Site Name</th><th>Site Identifier</th><th>City</th></tr></thead>
      <tbody>
        <tr id="r1"><td>Maple Street 12</td><td>MS-0012</td><td>Springfield</td></tr>
        <tr id="r2"><td>  Oak\u00A0Avenue  </td><td>\u200BOA-7\u200B</td><td>Shelbyville</td></tr>
      </tbody>
      <tfoot><tr><td>2 sites</td><td></td><td></td></tr></tfoot></table>`;
    const rows = readRows(findTable(page(), HEADERS, ['name', 'identifier'])!);
    expect(rows.map((r) => r.cells)).toEqual([
      { name: 'Maple Street 12', identifier: 'MS-0012', city: 'Springfield' },
      { name: 'Oak Avenue', identifier: 'OA-7', city: 'Shelbyville' },
    ]);
    expect(rows.map((r) => r.index)).toEqual([1, 2]);
    expect(rows.map((r) => r.element.id)).toEqual(['r1', 'r2']);
    expect(rows[1]!.cellElements.identifier).toBe(document.querySelector('#r2 td:nth-child(2)'));
  });

  it('without a <thead>, skips the header row but keeps rows that start with a row header', () => {
    document.body.innerHTML = `<table><tbody>
      <tr><th>Site Name</th><th>Site Identifier</th></tr>
      <tr><th scope="row">Maple</th><td>MS-1</td></tr>
      <tr><td>Oak</td><td>OA-2</td></tr>
    </tbody></table>`;
    const rows = readRows(findTable(page(), HEADERS, ['name', 'identifier'])!);
    expect(rows.map((r) => r.cells)).toEqual([
      { name: 'Maple', identifier: 'MS-1' },
      { name: 'Oak', identifier: 'OA-2' },
    ]);
  });

  it('skips rows hidden with the hidden attribute or display:none', () => {
    document.body.innerHTML = `<style>.gone{display:none}</style><table><thead><tr><th>Site Name</th><th>Site Identifier</th></tr></thead><tbody>
      <tr><td>A</td><td>A-1</td></tr>
      <tr hidden><td>Hidden</td><td>H-1</td></tr>
      <tr style="display:none"><td>Inline</td><td>I-1</td></tr>
      <tr class="gone"><td>Styled</td><td>S-1</td></tr>
      <tr><td>B</td><td>B-1</td></tr>
    </tbody></table>`;
    const rows = readRows(findTable(page(), HEADERS, ['name', 'identifier'])!);
    expect(rows.map((r) => r.cells.identifier)).toEqual(['A-1', 'B-1']);
  });

  it('reads an ARIA grid by aria-colindex, whatever order the cells are in, with aria-rowindex as index', () => {
    document.body.innerHTML = `<div role="grid" aria-rowcount="501">
      <div role="row" aria-rowindex="1"><div role="columnheader" aria-colindex="1">Site Identifier</div><div role="columnheader" aria-colindex="2">Site Name</div><div role="columnheader" aria-colindex="3">City</div></div>
      <div role="rowgroup">
        <div role="row" aria-rowindex="40"><div role="gridcell" aria-colindex="2">Maple</div><div role="gridcell" aria-colindex="1">MS-1</div><div role="gridcell" aria-colindex="3">Springfield</div></div>
        <div role="row" aria-rowindex="41"><div role="gridcell" aria-colindex="3">Ogdenville</div><div role="gridcell" aria-colindex="1">OG-9</div></div>
      </div>
    </div>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier'])!;
    const rows = readRows(table);
    expect(rows.map((r) => r.cells)).toEqual([
      { identifier: 'MS-1', name: 'Maple', city: 'Springfield' },
      { identifier: 'OG-9', city: 'Ogdenville' },
    ]);
    expect(rows.map((r) => r.index)).toEqual([40, 41]);
  });

  it('reads an ARIA grid without aria-colindex by cell position, ignoring non-cell children', () => {
    document.body.innerHTML = `<div role="table">
      <div role="row"><span role="columnheader">Site Name</span><span role="columnheader">Site Identifier</span></div>
      <div role="row"><span role="cell">Maple</span><span class="divider"></span><span role="cell">MS-1</span></div>
    </div>`;
    const rows = readRows(findTable(page(), HEADERS, ['name', 'identifier'])!);
    expect(rows.map((r) => r.cells)).toEqual([{ name: 'Maple', identifier: 'MS-1' }]);
  });

  it('does not take the rows of a grid nested in a cell', () => {
    document.body.innerHTML = `<div role="grid" id="outer">
      <div role="row"><div role="columnheader">Site Name</div><div role="columnheader">Site Identifier</div></div>
      <div role="row"><div role="gridcell">Maple</div><div role="gridcell">MS-1<div role="grid"><div role="row"><div role="gridcell">x</div></div></div></div></div>
    </div>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier'])!;
    expect(table.container.id).toBe('outer');
    expect(readRows(table)).toHaveLength(1);
  });

  it('a table with headers and no rows reads as no rows', () => {
    document.body.innerHTML = `<table><thead><tr><th>Site Name</th><th>Site Identifier</th></tr></thead><tbody></tbody></table>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier']);
    expect(table).not.toBeNull();
    expect(readRows(table!)).toEqual([]);
  });

  it('a row with missing cells leaves those columns out instead of failing', () => {
    document.body.innerHTML = `<table><thead><tr><th>Site Name</th><th>Site Identifier</th><th>City</th></tr></thead><tbody>
      <tr><td>Only a name</td></tr>
      <tr><td>Maple</td><td>MS-1</td></tr>
    </tbody></table>`;
    const rows = readRows(findTable(page(), HEADERS, ['name', 'identifier'])!);
    expect(rows.map((r) => r.cells)).toEqual([{ name: 'Only a name' }, { name: 'Maple', identifier: 'MS-1' }]);
    expect(rows[1]!.cellElements.city).toBeUndefined();
  });

  it('reads nothing from a table that was hidden after it was found', () => {
    document.body.innerHTML = `<table id="t"><tr><th>Site Name</th><th>Site Identifier</th></tr><tr><td>A</td><td>B</td></tr></table>`;
    const table = findTable(page(), HEADERS, ['name', 'identifier'])!;
    expect(readRows(table)).toHaveLength(1);
    document.getElementById('t')!.setAttribute('hidden', '');
    expect(readRows(table)).toEqual([]);
  });
});

describe('cellText', () => {
  it('cleans plain text (zero-width characters, runs of spaces)', () => {
    expect(cellText(cell('  MS-\u200B0012\n '))).toBe('MS-0012');
  });

  it('strips buttons, role=button, svg icons, aria-hidden and hidden parts', () => {
    expect(cellText(cell('MS-0012 <button>Copy</button><span role="button">Edit</span><svg><text>icon</text></svg><i aria-hidden="true">⧉</i><span hidden>old</span>'))).toBe('MS-0012');
  });

  it('keeps text in ordinary inline elements', () => {
    expect(cellText(cell('<a href="#">Maple</a> <b>Street</b> 12'))).toBe('Maple Street 12');
  });

  it('reads an input’s current value rather than its attribute or surrounding text', () => {
    const c = cell('Edit: <input value="initial">');
    (c.querySelector('input') as HTMLInputElement).value = '  typed value ';
    expect(cellText(c)).toBe('typed value');
  });

  it('reads a textarea', () => {
    const c = cell('<textarea></textarea>');
    (c.querySelector('textarea') as HTMLTextAreaElement).value = 'notes here';
    expect(cellText(c)).toBe('notes here');
  });

  it('ignores hidden inputs and checkboxes', () => {
    expect(cellText(cell('<input type="hidden" value="row-7"><input type="checkbox" value="on"> Maple'))).toBe('Maple');
  });

  it('is empty for an empty cell or one holding only a button', () => {
    expect(cellText(cell(''))).toBe('');
    expect(cellText(cell('<button>Copy</button>'))).toBe('');
  });

  it('does not modify the cell it reads', () => {
    const c = cell('MS-1 <button>Copy</button>');
    cellText(c);
    expect(c.querySelector('button')).not.toBeNull();
  });
});

describe('cellLines', () => {
  it('splits block children into lines (Name / Desc)', () => {
    expect(cellLines(cell('<div>ci-deploy</div><small>Used by the CI pipeline</small>'))).toEqual(['ci-deploy', 'Used by the CI pipeline']);
    expect(cellLines(cell('<p>one</p><p>two</p>'))).toEqual(['one', 'two']);
  });

  it('splits on <br> and around spans', () => {
    expect(cellLines(cell('first line<br>second line'))).toEqual(['first line', 'second line']);
    expect(cellLines(cell('<span>Name</span><span>Description</span>'))).toEqual(['Name', 'Description']);
  });

  it('keeps inline elements on the same line', () => {
    expect(cellLines(cell('<b>Bold</b> name <em>here</em>'))).toEqual(['Bold name here']);
  });

  it('treats an inline style display:block as a line break', () => {
    expect(cellLines(cell('<em style="display:block">a</em><em style="display:block">b</em>'))).toEqual(['a', 'b']);
  });

  it('skips buttons, icons and hidden parts, and drops empty lines', () => {
    expect(cellLines(cell('<div>key-1</div><div><button>Copy</button></div><div aria-hidden="true">x</div><div>  </div><div>desc</div>'))).toEqual(['key-1', 'desc']);
  });

  it('is empty for an empty cell', () => {
    expect(cellLines(cell(''))).toEqual([]);
  });
});

describe('declaredRowCount', () => {
  const gridWith = (attr: string | null) => {
    document.body.innerHTML = `<div role="grid"${attr === null ? '' : ` aria-rowcount="${attr}"`}><div role="row"><div role="columnheader">Site Name</div></div></div>`;
    return findTable(page(), HEADERS, ['name'])!;
  };

  it('is the grid’s aria-rowcount (header rows included; the caller subtracts them)', () => {
    expect(declaredRowCount(gridWith('501'))).toBe(501);
  });

  it.each([null, '', '0', '-1', 'many', 'NaN'])('is null for aria-rowcount=%j (absent, unknown or not a count)', (attr) => {
    expect(declaredRowCount(gridWith(attr))).toBeNull();
  });
});
