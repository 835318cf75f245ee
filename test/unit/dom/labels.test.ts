import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_SELECTOR, bestLabelled, labelElements, labelsOf } from '@/lib/dom/labels';
import { deepElements } from '@/lib/dom/tree';

const $ = (id: string) => document.getElementById(id)!;
const signals = (el: Element) => labelsOf(el).map((s) => [s.text, s.rank] as const);
const page = () => deepElements(document.body);
const controls = () => page().filter((el) => el.matches(CONTROL_SELECTOR));

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('CONTROL_SELECTOR', () => {
  it('matches what a person fills or toggles, not buttons or hidden inputs', () => {
    document.body.innerHTML = `
      <input id="text"><input id="pw" type="password"><textarea id="ta"></textarea><select id="sel"></select>
      <div id="combo" role="combobox"></div><button id="sw" role="switch"></button><div id="cb" role="checkbox"></div>
      <div id="tb" role="textbox"></div><button id="pressed" aria-pressed="false">B</button>
      <input id="hidden" type="hidden"><input id="submit" type="submit"><input id="btn" type="button"><input id="file" type="file">
      <button id="plain">Save</button><a id="link" href="#">x</a>`;
    expect(controls().map((el) => el.id)).toEqual(['text', 'pw', 'ta', 'sel', 'combo', 'sw', 'cb', 'tb', 'pressed']);
  });
});

describe('labelsOf', () => {
  it('label[for] is the strongest signal (rank 0)', () => {
    document.body.innerHTML = '<label for="mi-id">Maintenance ID</label><input id="mi-id">';
    expect(signals($('mi-id'))).toContainEqual(['Maintenance ID', 0]);
  });

  it('label[for] works with an id that needs CSS escaping', () => {
    document.body.innerHTML = '<label for="mi:id.1">Maintenance ID</label><input id="mi:id.1">';
    expect(signals($('mi:id.1'))).toContainEqual(['Maintenance ID', 0]);
  });

  it('a wrapping label gives its text without the control’s own text (a select’s options)', () => {
    document.body.innerHTML = `<label id="l1">Maintenance User <input id="user"></label>
      <label>Maintenance System <select id="sys"><option>None</option><option>Titan Maintenance</option></select></label>`;
    expect(signals($('user'))).toContainEqual(['Maintenance User', 0]);
    expect(signals($('sys'))).toContainEqual(['Maintenance System', 0]);
    expect(labelsOf($('sys')).some((s) => /Titan|None/.test(s.text))).toBe(false);
    // The page's own label is not modified by reading it.
    expect($('l1').querySelector('input')).not.toBeNull();
  });

  it('aria-labelledby (rank 1) joins the text of every id, looked up in the control’s shadow root', () => {
    document.body.innerHTML = '<span id="a">Outside</span><x-host id="host"></x-host>';
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="a">Client</span><span id="b">Secret</span><input id="f" aria-labelledby="a b missing">';
    expect(signals(root.getElementById('f')!)).toContainEqual(['Client Secret', 1]);
  });

  it('label[for] inside a shadow root names the shadow control, not a document control with the same id', () => {
    document.body.innerHTML = '<label for="f">Document label</label><input id="f"><x-host id="host"></x-host>';
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="f">Shadow label</label><input id="f">';
    const inShadow = labelsOf(root.getElementById('f')!).filter((s) => s.rank === 0).map((s) => s.text);
    expect(inShadow).toEqual(['Shadow label']);
    expect(labelsOf($('f')).filter((s) => s.rank === 0).map((s) => s.text)).toEqual(['Document label']);
  });

  it('aria-label (2), placeholder (7) and title (8)', () => {
    document.body.innerHTML = '<input id="f" aria-label="Client Secret" placeholder="Paste the key" title="Secret key">';
    expect(signals($('f'))).toEqual([
      ['Client Secret', 2],
      ['Paste the key', 7],
      ['Secret key', 8],
    ]);
  });

  it('a switch or checkbox role element is named by its own text (rank 3); a native input is not', () => {
    document.body.innerHTML = '<button id="sw" role="switch" aria-checked="false">Enable Maintenance Integration</button><input id="cb" type="checkbox" role="switch">';
    expect(signals($('sw'))).toContainEqual(['Enable Maintenance Integration', 3]);
    expect(labelsOf($('cb')).some((s) => s.rank === 3)).toBe(false);
  });

  it('in a table, the column header of a header row (rank 5) and the row’s label cell (rank 6)', () => {
    document.body.innerHTML = `<table><tbody><tr><th>Vendor</th><th>Facility</th></tr>
      <tr><td>Titan Maintenance Facility</td><td><input id="f"></td></tr></tbody></table>`;
    expect(signals($('f'))).toEqual(expect.arrayContaining([['Facility', 5], ['Titan Maintenance Facility', 6]]));
  });

  describe('with a <thead>', () => {
    // happy-dom 21 lacks HTMLTableSectionElement.rows (every browser has it): add the standard
    // getter for these tests only.
    const proto = Object.getPrototypeOf(document.createElement('thead')) as object;
    const missing = !('rows' in proto);
    beforeAll(() => {
      if (missing) Object.defineProperty(proto, 'rows', { configurable: true, get(this: Element) { return Array.from(this.children).filter((c) => c.localName === 'tr'); } });
    });
    afterAll(() => {
      if (missing) delete (proto as { rows?: unknown }).rows;
    });

    it('the column header comes from the <thead> row (rank 5)', () => {
      document.body.innerHTML = `<table><thead><tr><th>Vendor</th><th>Facility</th></tr></thead>
        <tbody><tr><td>Titan Maintenance Facility</td><td><input id="f"></td></tr></tbody></table>`;
      expect(signals($('f'))).toEqual(expect.arrayContaining([['Facility', 5], ['Titan Maintenance Facility', 6]]));
    });
  });

  it('in a table without a header row, the first cell of the row (rank 5)', () => {
    document.body.innerHTML = '<table><tr><td>Maintenance ID</td><td><input id="f"></td></tr></table>';
    expect(signals($('f'))).toContainEqual(['Maintenance ID', 5]);
  });

  it('preceding text (rank 6): a sibling element, or a bare text node in the parent', () => {
    document.body.innerHTML = `<div class="row"><span>Client Secret</span><input id="a"></div>
      <div class="row">Maintenance Password <input id="b"></div>`;
    expect(signals($('a'))).toEqual([['Client Secret', 6]]);
    expect(signals($('b'))).toEqual([['Maintenance Password', 6]]);
  });

  it('preceding text skips hidden siblings', () => {
    document.body.innerHTML = '<div><span>Client Secret</span><span hidden>Password</span><input id="f"></div>';
    expect(signals($('f'))).toEqual([['Client Secret', 6]]);
  });

  it('preceding text does not reach past another control', () => {
    document.body.innerHTML = '<div><span>Client ID</span><input id="first"><input id="second"></div>';
    expect(signals($('first'))).toEqual([['Client ID', 6]]);
    expect(signals($('second'))).toEqual([]);
  });

  it('ignores empty and over-long label text', () => {
    document.body.innerHTML = `<label for="f">   </label><input id="f" aria-label="${'x'.repeat(161)}" placeholder="">`;
    expect(signals($('f'))).toEqual([]);
  });

  it('lists the signals strongest first, whatever order they are found in', () => {
    document.body.innerHTML = `<div class="row"><span>Secret</span><input id="f" aria-labelledby="n" aria-label="Client Secret key" title="Secret key" placeholder="Paste"></div>
      <span id="n">Client Secret</span><label for="f">Client Secret:</label>`;
    expect(signals($('f'))).toEqual([
      ['Client Secret:', 0],
      ['Client Secret', 1],
      ['Client Secret key', 2],
      ['Secret', 6],
      ['Paste', 7],
      ['Secret key', 8],
    ]);
  });

  it('aria-labelledby pointing at a custom element reads its shadow root', () => {
    document.body.innerHTML = '<x-label id="n"></x-label><input id="f" aria-labelledby="n">';
    $('n').attachShadow({ mode: 'open' }).innerHTML = '<span>Client Secret</span>';
    expect(signals($('f'))).toContainEqual(['Client Secret', 1]);
    expect(bestLabelled(controls(), 'Client Secret')?.id).toBe('f');
  });

  it('an unlabelled control has no labels', () => {
    document.body.innerHTML = '<input id="f">';
    expect(labelsOf($('f'))).toEqual([]);
  });
});

describe('bestLabelled', () => {
  it('tells the crossed Edge names apart', () => {
    document.body.innerHTML = `
      <label for="id">Maintenance ID</label><input id="id">
      <label for="user">Maintenance User</label><input id="user">
      <label for="secret">Client Secret</label><input id="secret">
      <label for="pw">Maintenance Password</label><input id="pw" type="password">`;
    const all = controls();
    expect(bestLabelled(all, 'Client Secret')?.id).toBe('secret');
    expect(bestLabelled(all, 'Maintenance Password')?.id).toBe('pw');
    expect(bestLabelled(all, 'Maintenance ID')?.id).toBe('id');
    expect(bestLabelled(all, 'Maintenance User')?.id).toBe('user');
  });

  it('an exact label beats one that only contains the words, even from a weaker signal', () => {
    document.body.innerHTML = `<label for="a">Your Client Secret (keep it safe)</label><input id="a"><input id="b" placeholder="Client Secret">`;
    expect(bestLabelled(controls(), 'Client Secret')?.id).toBe('b');
  });

  it('with equally exact labels, the stronger signal wins', () => {
    document.body.innerHTML = `<input id="weak" placeholder="Client Secret"><label for="strong">Client Secret</label><input id="strong">`;
    expect(bestLabelled(controls(), 'Client Secret')?.id).toBe('strong');
  });

  it('skips excluded candidates', () => {
    document.body.innerHTML = `<label for="a">Client Secret</label><input id="a"><input id="b" placeholder="Client Secret">`;
    expect(bestLabelled(controls(), 'Client Secret', new Set([$('a')]))?.id).toBe('b');
  });

  it('is null when nothing is labelled with the words, or there are no candidates', () => {
    document.body.innerHTML = `<label for="a">API Secret Key</label><input id="a">`;
    expect(bestLabelled(controls(), 'Client Secret')).toBeNull();
    expect(bestLabelled([], 'Client Secret')).toBeNull();
  });
});

describe('labelElements', () => {
  it('finds the innermost element whose whole text is the label', () => {
    document.body.innerHTML = '<div id="wrap"><dl><dt id="dt">API Token</dt><dd>tmk_live_abc</dd></dl></div><p>API Token rotation policy</p>';
    expect(labelElements(page(), 'API Token')).toEqual([{ element: $('dt') }]);
  });

  it('matches after normalising case, spacing and a trailing colon', () => {
    document.body.innerHTML = '<span id="a">api\u00A0TOKEN:</span>';
    expect(labelElements(page(), 'API Token')).toEqual([{ element: $('a') }]);
  });

  it('an inline "Label: value" gives the value', () => {
    document.body.innerHTML = '<p id="p">Tenant: acme-fuels</p><p id="empty">Tenant:</p>';
    expect(labelElements(page(), 'Tenant')).toEqual([{ element: $('p'), inlineValue: 'acme-fuels' }, { element: $('empty') }]);
  });

  it('ignores script, style, option and select text', () => {
    document.body.innerHTML = '<script>API Token</script><select><option>API Token</option></select><template>API Token</template>';
    expect(labelElements(page(), 'API Token')).toEqual([]);
  });

  it('is empty when the words do not appear', () => {
    document.body.innerHTML = '<p>Nothing here</p>';
    expect(labelElements(page(), 'API Token')).toEqual([]);
    expect(labelElements([], 'API Token')).toEqual([]);
  });
});
