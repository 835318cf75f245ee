import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chooseOption,
  isSelectLike,
  isTextLike,
  isToggleLike,
  press,
  readBack,
  selectedText,
  setText,
  setToggle,
  showsOption,
  textMatches,
  toggleState,
  visibilityOnce,
} from '@/lib/dom/fill';

const $ = <T extends Element = HTMLElement>(id: string) => document.getElementById(id) as unknown as T;

/** Records the events a field receives, in order. */
function record(el: Element, types: string[]): string[] {
  const seen: string[] = [];
  for (const type of types) el.addEventListener(type, () => seen.push(type), true);
  return seen;
}

/**
 * What React does to a controlled <input>: it replaces `value` on the instance with a setter that
 * remembers the last value written through it, and on `input` only updates its state when the
 * node's value differs from that remembered value; otherwise it puts its state back.
 */
function reactControlled(input: HTMLInputElement) {
  const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!;
  const component = { state: input.value, tracked: input.value, onChange: 0 };
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get!.call(input);
    },
    set(v: string) {
      component.tracked = String(v);
      native.set!.call(input, v);
    },
  });
  input.addEventListener('input', () => {
    const now = native.get!.call(input) as string;
    if (now !== component.tracked) {
      component.tracked = now;
      component.state = now;
      component.onChange++;
    } else {
      native.set!.call(input, component.state); // restoreControlledState
    }
  });
  return component;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('press', () => {
  it('dispatches the pointer and mouse sequence of a real click, bubbling, and focuses the element', () => {
    document.body.innerHTML = '<div id="wrap"><button id="b">Open</button></div>';
    const seen = record($('wrap'), ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    press($('b'));
    expect(seen).toEqual(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
    expect(document.activeElement).toBe($('b'));
  });
});

describe('setText', () => {
  it('sets the value and dispatches focus, input, change, blur in that order, and reports filled', () => {
    document.body.innerHTML = '<form id="form"><input id="f"></form>';
    const input = $<HTMLInputElement>('f');
    const seen = record(input, ['focus', 'input', 'change', 'blur']);
    const atInput: string[] = [];
    input.addEventListener('input', (e) => atInput.push(input.value, (e as InputEvent).inputType, String(e.bubbles)));
    const bubbled = record($('form'), ['input', 'change']);
    expect(setText(input, 'acme-fuels')).toBe('filled');
    expect(input.value).toBe('acme-fuels');
    expect(seen).toEqual(['focus', 'input', 'change', 'blur']);
    expect(atInput).toEqual(['acme-fuels', 'insertText', 'true']);
    expect(bubbled).toEqual(['input', 'change']);
  });

  it('a React-controlled input registers the value (the instance setter is bypassed)', () => {
    document.body.innerHTML = '<input id="f">';
    const input = $<HTMLInputElement>('f');
    const component = reactControlled(input);
    expect(setText(input, 'tmsk_secret')).toBe('filled');
    expect(component.state).toBe('tmsk_secret');
    expect(component.onChange).toBe(1);
    expect(input.value).toBe('tmsk_secret');
  });

  it('(the simulation is faithful: a plain assignment plus an input event is lost)', () => {
    document.body.innerHTML = '<input id="f">';
    const input = $<HTMLInputElement>('f');
    const component = reactControlled(input);
    input.value = 'typed by a script';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(component.state).toBe('');
    expect(input.value).toBe('');
  });

  it('a React-controlled textarea too', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const area = $<HTMLInputElement>('t');
    const component = reactControlled(area);
    expect(setText(area, 'line one')).toBe('filled');
    expect(component.state).toBe('line one');
  });

  it('a contenteditable or role=textbox element gets its text set', () => {
    document.body.innerHTML = '<div id="ce" contenteditable="true"></div><div id="tb" role="textbox"></div>';
    const seen = record($('ce'), ['input', 'change']);
    expect(setText($('ce'), 'Unspecified')).toBe('filled');
    expect($('ce').textContent).toBe('Unspecified');
    expect(seen).toEqual(['input', 'change']);
    expect(setText($('tb'), 'Unspecified')).toBe('filled');
    expect($('tb').textContent).toBe('Unspecified');
  });

  it('is already-correct, without any event, when the field holds the value', () => {
    document.body.innerHTML = '<input id="f" value="Unspecified">';
    const seen = record($('f'), ['focus', 'input', 'change']);
    expect(setText($('f'), 'Unspecified')).toBe('already-correct');
    expect(seen).toEqual([]);
  });

  it('a hidden field is not-visible and keeps its value', () => {
    document.body.innerHTML = '<div hidden><input id="f" value="old"></div><input id="o" value="old" style="opacity:0">';
    expect(setText($('f'), 'secret')).toBe('not-visible');
    expect($<HTMLInputElement>('f').value).toBe('old');
    expect(setText($('o'), 'secret')).toBe('not-visible');
    expect($<HTMLInputElement>('o').value).toBe('old');
  });

  it('follows the visibility check it is given', () => {
    document.body.innerHTML = '<input id="f">';
    expect(setText($('f'), 'x', () => false)).toBe('not-visible');
    expect($<HTMLInputElement>('f').value).toBe('');
  });

  it('disabled and read-only fields are rejected-by-page and keep their value', () => {
    document.body.innerHTML = '<input id="d" disabled value="a"><input id="r" readonly value="b">';
    const seen = record($('d'), ['input', 'change']);
    expect(setText($('d'), 'x')).toBe('rejected-by-page');
    expect(setText($('r'), 'x')).toBe('rejected-by-page');
    expect($<HTMLInputElement>('d').value).toBe('a');
    expect($<HTMLInputElement>('r').value).toBe('b');
    expect(seen).toEqual([]);
  });

  it('is rejected-by-page when the page rewrites the value', () => {
    document.body.innerHTML = '<input id="f">';
    const input = $<HTMLInputElement>('f');
    input.addEventListener('input', () => (input.value = input.value.slice(0, 4)));
    expect(setText(input, 'toolong')).toBe('rejected-by-page');
  });
});

describe('textMatches', () => {
  it('compares the field’s current value or text exactly', () => {
    document.body.innerHTML = '<input id="f" value="abc"><div id="d" role="textbox">abc</div>';
    expect(textMatches($('f'), 'abc')).toBe(true);
    expect(textMatches($('f'), 'abc ')).toBe(false);
    expect(textMatches($('d'), 'abc')).toBe(true);
  });
});

describe('readBack', () => {
  it('reports only what slipped: set once more, filled if it then holds, rejected-by-page if the page puts it back again', async () => {
    document.body.innerHTML = '<input id="kept" value="a"><input id="once" value="b"><input id="always" value="c">';
    let once = 1;
    $('once').addEventListener('input', () => (once-- > 0 ? queueMicrotask(() => ($<HTMLInputElement>('once').value = 'old')) : undefined));
    $('always').addEventListener('input', () => queueMicrotask(() => ($<HTMLInputElement>('always').value = 'old')));
    for (const id of ['once', 'always']) setText($(id), 'new', () => true);
    const after = await readBack(
      [
        { el: $('kept'), value: 'a' },
        { el: $('once'), value: 'new' },
        { el: $('always'), value: 'new' },
      ],
      () => true,
    );
    expect(after.has($('kept'))).toBe(false);
    expect(after.get($('once'))).toBe('filled');
    expect(after.get($('always'))).toBe('rejected-by-page');
    expect($<HTMLInputElement>('once').value).toBe('new');
  });
});

describe('toggleState', () => {
  it('reads checkboxes, aria-checked, aria-pressed and a wrapped checkbox; null when unknown', () => {
    document.body.innerHTML = `<input id="cb" type="checkbox" checked><div id="on" role="switch" aria-checked="true"></div>
      <div id="off" role="switch" aria-checked="false"></div><button id="pr" aria-pressed="true"></button>
      <label id="wrap"><input type="checkbox"> Enable</label><div id="none" role="switch"></div><div id="mixed" role="checkbox" aria-checked="mixed"></div>`;
    expect(toggleState($('cb'))).toBe(true);
    expect(toggleState($('on'))).toBe(true);
    expect(toggleState($('off'))).toBe(false);
    expect(toggleState($('pr'))).toBe(true);
    expect(toggleState($('wrap'))).toBe(false);
    expect(toggleState($('none'))).toBeNull();
    expect(toggleState($('mixed'))).toBeNull();
  });
});

describe('setToggle', () => {
  it('clicks an unchecked checkbox on, with a change event', async () => {
    document.body.innerHTML = '<input id="cb" type="checkbox">';
    const seen = record($('cb'), ['click', 'change']);
    await expect(setToggle($('cb'), true)).resolves.toBe('filled');
    expect($<HTMLInputElement>('cb').checked).toBe(true);
    expect(seen).toEqual(['click', 'change']);
  });

  it('does not click when the state is already right, on or off', async () => {
    document.body.innerHTML = '<input id="on" type="checkbox" checked><input id="off" type="checkbox"><button id="sw" role="switch" aria-checked="true"></button>';
    const clicks = [...record($('on'), ['click']), ...record($('off'), ['click'])];
    const swClicks = record($('sw'), ['click']);
    await expect(setToggle($('on'), true)).resolves.toBe('already-correct');
    await expect(setToggle($('off'), false)).resolves.toBe('already-correct');
    await expect(setToggle($('sw'), true)).resolves.toBe('already-correct');
    expect(clicks).toEqual([]);
    expect(swClicks).toEqual([]);
  });

  it('turns a checkbox off', async () => {
    document.body.innerHTML = '<input id="cb" type="checkbox" checked>';
    await expect(setToggle($('cb'), false)).resolves.toBe('filled');
    expect($<HTMLInputElement>('cb').checked).toBe(false);
  });

  it('a role=switch with aria-checked, flipped by the page’s click handler', async () => {
    document.body.innerHTML = '<button id="sw" role="switch" aria-checked="false">Enable Maintenance Integration</button>';
    const sw = $('sw');
    let clicks = 0;
    sw.addEventListener('click', () => {
      clicks++;
      sw.setAttribute('aria-checked', String(sw.getAttribute('aria-checked') !== 'true'));
    });
    await expect(setToggle(sw, true)).resolves.toBe('filled');
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(clicks).toBe(1);
  });

  it('a switch the page re-renders a little later (state update after the click) is filled', async () => {
    document.body.innerHTML = '<button id="sw" role="switch" aria-checked="false"></button>';
    const sw = $('sw');
    sw.addEventListener('click', () => setTimeout(() => sw.setAttribute('aria-checked', 'true'), 20));
    await expect(setToggle(sw, true)).resolves.toBe('filled');
  });

  it('is rejected-by-page when the page ignores the click', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button id="sw" role="switch" aria-checked="false"></button>';
    let clicks = 0;
    $('sw').addEventListener('click', () => clicks++);
    const result = setToggle($('sw'), true);
    await vi.advanceTimersByTimeAsync(300);
    await expect(result).resolves.toBe('rejected-by-page');
    expect(clicks).toBe(1);
  });

  it('disabled or aria-disabled toggles are rejected-by-page without a click', async () => {
    document.body.innerHTML = '<input id="cb" type="checkbox" disabled><div id="sw" role="switch" aria-checked="false" aria-disabled="true"></div>';
    const clicks = [...record($('cb'), ['click']), ...record($('sw'), ['click'])];
    await expect(setToggle($('cb'), true)).resolves.toBe('rejected-by-page');
    await expect(setToggle($('sw'), true)).resolves.toBe('rejected-by-page');
    expect($<HTMLInputElement>('cb').checked).toBe(false);
    expect(clicks).toEqual([]);
  });

  it('a hidden toggle is not-visible and not clicked', async () => {
    document.body.innerHTML = '<div style="display:none"><input id="cb" type="checkbox"></div>';
    await expect(setToggle($('cb'), true)).resolves.toBe('not-visible');
    expect($<HTMLInputElement>('cb').checked).toBe(false);
  });

  it('a transparent checkbox over a visible track (MUI switch) is toggled', async () => {
    document.body.innerHTML = '<label><span class="track"><input id="cb" type="checkbox" role="switch" style="opacity:0"></span> Enable</label>';
    await expect(setToggle($('cb'), true)).resolves.toBe('filled');
    expect($<HTMLInputElement>('cb').checked).toBe(true);
  });
});

describe('visibilityOnce', () => {
  it('decides each listed element’s visibility once, and checks unlisted ones live', () => {
    document.body.innerHTML = '<input id="a"><input id="b" hidden><input id="c">';
    const visible = visibilityOnce([$('a'), $('b')]);
    expect(visible($('a'))).toBe(true);
    expect(visible($('b'))).toBe(false);
    $('a').setAttribute('hidden', '');
    expect(visible($('a'))).toBe(true);
    expect(visible($('c'))).toBe(true);
    $('c').setAttribute('hidden', '');
    expect(visible($('c'))).toBe(false);
  });
});

describe('chooseOption on a native select', () => {
  const SELECT = `<select id="s"><option value="0" selected>None</option><option value="1">Titan Maintenance</option><option value="2">Other CMMS</option></select>`;

  it('selects by the option’s text, not its value, with input and change events', async () => {
    document.body.innerHTML = SELECT;
    const seen = record($('s'), ['input', 'change']);
    await expect(chooseOption($('s'), 'Titan Maintenance')).resolves.toBe('filled');
    expect($<HTMLSelectElement>('s').value).toBe('1');
    expect(selectedText($('s'))).toBe('Titan Maintenance');
    expect(seen).toEqual(['input', 'change']);
  });

  it('matches the text regardless of case and spacing', async () => {
    document.body.innerHTML = SELECT;
    await expect(chooseOption($('s'), '  titan   MAINTENANCE ')).resolves.toBe('filled');
    expect($<HTMLSelectElement>('s').value).toBe('1');
  });

  it('is already-correct when the option is selected', async () => {
    document.body.innerHTML = SELECT;
    $<HTMLSelectElement>('s').value = '1';
    const seen = record($('s'), ['input', 'change']);
    await expect(chooseOption($('s'), 'Titan Maintenance')).resolves.toBe('already-correct');
    expect(seen).toEqual([]);
  });

  it('is not-found, leaving the selection alone, when no option has the text', async () => {
    document.body.innerHTML = SELECT;
    await expect(chooseOption($('s'), 'Titan')).resolves.toBe('not-found');
    expect($<HTMLSelectElement>('s').value).toBe('0');
  });

  it('is not-visible for a hidden select', async () => {
    document.body.innerHTML = `<div hidden>${SELECT}</div>`;
    await expect(chooseOption($('s'), 'Titan Maintenance')).resolves.toBe('not-visible');
    expect($<HTMLSelectElement>('s').value).toBe('0');
  });

  it('is rejected-by-page when the page puts the old option back', async () => {
    document.body.innerHTML = SELECT;
    const select = $<HTMLSelectElement>('s');
    select.addEventListener('change', () => (select.value = '0'));
    await expect(chooseOption(select, 'Titan Maintenance')).resolves.toBe('rejected-by-page');
  });
});

describe('chooseOption on a custom combobox', () => {
  /**
   * An MUI-like combobox: opens on mousedown by rendering a listbox in a portal at the end of
   * <body> (after `delayMs`, or at once), shows the chosen option's text, and closes the list.
   */
  function combobox(options: string[], { delayMs = -1, accept = true } = {}) {
    document.body.innerHTML = `<div class="field"><span id="lbl">Integration</span>
      <div id="combo" role="combobox" tabindex="0" aria-labelledby="lbl" aria-haspopup="listbox" aria-expanded="false">None</div></div>
      <div id="escape-log"></div>`;
    const combo = $('combo');
    const log = { opened: 0, picked: [] as string[], escapes: 0 };
    document.body.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') log.escapes++;
    });
    const open = () => {
      const portal = document.createElement('div');
      portal.className = 'portal';
      portal.innerHTML = `<ul role="listbox">${options.map((o) => `<li role="option">${o}</li>`).join('')}</ul>`;
      portal.addEventListener('click', (e) => {
        const option = (e.target as Element).closest('[role=option]');
        if (!option) return;
        log.picked.push(option.textContent ?? '');
        if (accept) combo.textContent = option.textContent;
        portal.remove();
        combo.setAttribute('aria-expanded', 'false');
      });
      document.body.append(portal);
      combo.setAttribute('aria-expanded', 'true');
    };
    combo.addEventListener('mousedown', () => {
      log.opened++;
      if (delayMs < 0) open();
      else setTimeout(open, delayMs);
    });
    return { combo, log };
  }

  it('opens it, picks the option from a listbox portalled to the end of <body>, and sees it shown', async () => {
    const { combo, log } = combobox(['None', 'Titan Maintenance', 'Other CMMS']);
    await expect(chooseOption(combo, 'Titan Maintenance')).resolves.toBe('filled');
    expect(combo.textContent).toBe('Titan Maintenance');
    expect(log).toMatchObject({ opened: 1, picked: ['Titan Maintenance'] });
  });

  it('waits for a list that renders a little after opening', async () => {
    const { combo, log } = combobox(['None', 'Titan Maintenance'], { delayMs: 15 });
    await expect(chooseOption(combo, 'Titan Maintenance')).resolves.toBe('filled');
    expect(log.picked).toEqual(['Titan Maintenance']);
  });

  it('does not pick from a hidden listbox with the same option', async () => {
    const { combo, log } = combobox(['None', 'Titan Maintenance']);
    const decoy = document.createElement('ul');
    decoy.setAttribute('role', 'listbox');
    decoy.hidden = true;
    decoy.innerHTML = '<li role="option" id="decoy-option">Titan Maintenance</li>';
    document.body.prepend(decoy);
    let decoyClicked = false;
    decoy.addEventListener('click', () => (decoyClicked = true));
    await expect(chooseOption(combo, 'Titan Maintenance')).resolves.toBe('filled');
    expect(decoyClicked).toBe(false);
    expect(log.picked).toEqual(['Titan Maintenance']);
  });

  it('is already-correct without opening it when it already shows the option', async () => {
    const { combo, log } = combobox(['None', 'Titan Maintenance']);
    combo.textContent = 'Titan Maintenance';
    await expect(chooseOption(combo, 'Titan Maintenance')).resolves.toBe('already-correct');
    expect(log.opened).toBe(0);
  });

  it('is not-found, and closes the list with Escape, when the option never appears', async () => {
    const { combo, log } = combobox(['None', 'Other CMMS']);
    await expect(chooseOption(combo, 'Titan Maintenance', undefined, 30)).resolves.toBe('not-found');
    expect(log.escapes).toBe(1);
    expect(log.picked).toEqual([]);
    expect(combo.textContent).toBe('None');
  });

  it('is rejected-by-page when choosing the option does not change what it shows', async () => {
    vi.useFakeTimers();
    const { combo, log } = combobox(['None', 'Titan Maintenance'], { accept: false });
    const result = chooseOption(combo, 'Titan Maintenance');
    await vi.advanceTimersByTimeAsync(600);
    await expect(result).resolves.toBe('rejected-by-page');
    expect(log.picked).toEqual(['Titan Maintenance']);
  });

  it('an autocomplete input: types the text, then picks the matching suggestion from its aria-controls listbox', async () => {
    document.body.innerHTML = `<input id="ac" role="combobox" aria-controls="lb" aria-autocomplete="list"><ul id="lb" role="listbox" hidden></ul>`;
    const input = $<HTMLInputElement>('ac');
    const list = $('lb');
    const picked: string[] = [];
    input.addEventListener('input', () => {
      const typed = input.value.toLowerCase();
      list.innerHTML = ['Titan Maintenance', 'Titan Fuel', 'Other CMMS']
        .filter((o) => o.toLowerCase().startsWith(typed.slice(0, 5)))
        .map((o) => `<li role="option">${o}</li>`)
        .join('');
      list.hidden = false;
    });
    list.addEventListener('click', (e) => {
      const option = (e.target as Element).closest('[role=option]')!;
      picked.push(option.textContent!);
      input.value = option.textContent!;
      list.hidden = true;
    });
    await expect(chooseOption(input, 'Titan Maintenance')).resolves.toBe('filled');
    expect(picked).toEqual(['Titan Maintenance']);
    expect(input.value).toBe('Titan Maintenance');
  });

  it('is not-visible, without opening, when hidden', async () => {
    const { combo, log } = combobox(['Titan Maintenance']);
    combo.parentElement!.style.display = 'none';
    await expect(chooseOption(combo, 'Titan Maintenance')).resolves.toBe('not-visible');
    expect(log.opened).toBe(0);
  });
});

describe('selectedText and showsOption', () => {
  it('a select shows exactly its selected option; a combobox may show more text around it', () => {
    document.body.innerHTML = `<select id="s"><option>Titan Maintenance Pro</option></select>
      <div id="c" role="combobox">Integration: Titan Maintenance <span aria-hidden="true">▾</span></div><input id="i" value="Titan Maintenance">`;
    expect(selectedText($('s'))).toBe('Titan Maintenance Pro');
    expect(showsOption($('s'), 'Titan Maintenance')).toBe(false);
    expect(showsOption($('c'), 'Titan Maintenance')).toBe(true);
    expect(showsOption($('c'), 'Other CMMS')).toBe(false);
    expect(selectedText($('i'))).toBe('Titan Maintenance');
    expect(showsOption($('i'), 'titan maintenance')).toBe(true);
  });

  it('a select with no options shows nothing', () => {
    document.body.innerHTML = '<select id="s"></select>';
    expect(selectedText($('s'))).toBe('');
    expect(showsOption($('s'), 'Titan Maintenance')).toBe(false);
  });
});

describe('isSelectLike, isToggleLike, isTextLike', () => {
  it('classify controls by what filling them takes', () => {
    document.body.innerHTML = `<select id="select"></select><div id="combo" role="combobox"></div><button id="popup" aria-haspopup="listbox"></button>
      <input id="cb" type="checkbox"><div id="sw" role="switch"></div><div id="rcb" role="checkbox"></div><button id="pressed" aria-pressed="false"></button>
      <input id="text"><input id="pw" type="password"><textarea id="ta"></textarea><div id="tb" role="textbox"></div><div id="ce" contenteditable="true"></div>
      <input id="radio" type="radio"><input id="icombo" role="combobox">`;
    const kinds = (id: string) => [isSelectLike($(id)), isToggleLike($(id)), isTextLike($(id))];
    expect(kinds('select')).toEqual([true, false, false]);
    expect(kinds('combo')).toEqual([true, false, false]);
    expect(kinds('popup')).toEqual([true, false, false]);
    for (const id of ['cb', 'sw', 'rcb', 'pressed']) expect(kinds(id), id).toEqual([false, true, false]);
    for (const id of ['text', 'pw', 'ta', 'tb', 'ce']) expect(kinds(id), id).toEqual([false, false, true]);
    expect(kinds('radio')).toEqual([false, false, false]);
    expect(kinds('icombo')).toEqual([true, false, false]);
  });
});
