// happy-dom computes styles (inline and from <style> sheets) but does no layout: every box is 0×0,
// so visibility.ts skips its size, position and clipping checks here (see hasLayout). Those checks
// (off-screen, 1×1, clipped by overflow or clip-path) are covered by the e2e decoy page, not here.

import { beforeEach, describe, expect, it } from 'vitest';
import { isFillable, isRendered } from '@/lib/dom/visibility';

const $ = (id: string) => document.getElementById(id)!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('isRendered', () => {
  it('an ordinary element is rendered', () => {
    document.body.innerHTML = '<div><input id="f"></div>';
    expect(isRendered($('f'))).toBe(true);
  });

  it.each([
    ['hidden attribute on the element', '<input id="f" hidden>'],
    ['hidden attribute on an ancestor', '<div hidden><p><input id="f"></p></div>'],
    ['aria-hidden="true" on an ancestor', '<div aria-hidden="true"><input id="f"></div>'],
    ['inline display:none on an ancestor', '<div style="display:none"><input id="f"></div>'],
    ['display:none from a stylesheet', '<style>.gone{display:none}</style><div class="gone"><input id="f"></div>'],
    ['visibility:hidden on the element', '<input id="f" style="visibility:hidden">'],
    ['visibility:collapse on the element', '<input id="f" style="visibility:collapse">'],
    ['visibility:hidden inherited from an ancestor', '<div style="visibility:hidden"><input id="f"></div>'],
  ])('not rendered: %s', (_name, html) => {
    document.body.innerHTML = html;
    expect(isRendered($('f'))).toBe(false);
  });

  it('aria-hidden="false" does not hide', () => {
    document.body.innerHTML = '<div aria-hidden="false"><input id="f"></div>';
    expect(isRendered($('f'))).toBe(true);
  });

  it('a child that sets visibility:visible inside a visibility:hidden parent is rendered (CSS inheritance)', () => {
    document.body.innerHTML = '<div style="visibility:hidden"><input id="f" style="visibility:visible"></div>';
    expect(isRendered($('f'))).toBe(true);
  });

  it('a closed <details> hides its content but not its summary; an open one shows both', () => {
    document.body.innerHTML = '<details id="d"><summary id="s"><span id="in-summary">More</span></summary><input id="f"></details>';
    expect(isRendered($('s'))).toBe(true);
    expect(isRendered($('in-summary'))).toBe(true);
    expect(isRendered($('f'))).toBe(false);
    ($('d') as HTMLDetailsElement).open = true;
    expect(isRendered($('f'))).toBe(true);
  });

  it('looks through shadow roots: a hidden host hides its shadow content', () => {
    document.body.innerHTML = '<x-host id="host"></x-host>';
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="f">';
    const field = root.getElementById('f')!;
    expect(isRendered(field)).toBe(true);
    $('host').style.display = 'none';
    expect(isRendered(field)).toBe(false);
    $('host').style.display = '';
    $('host').setAttribute('hidden', '');
    expect(isRendered(field)).toBe(false);
  });
});

describe('isFillable', () => {
  it('a visible, opaque input is fillable', () => {
    document.body.innerHTML = '<label for="f">Client Secret</label><input id="f">';
    expect(isFillable($('f'))).toBe(true);
  });

  it('whatever is not rendered is not fillable', () => {
    document.body.innerHTML = '<div hidden><input id="a"></div><input id="b" style="visibility:hidden"><div style="display:none"><input id="c"></div>';
    for (const id of ['a', 'b', 'c']) expect(isFillable($(id)), id).toBe(false);
  });

  it('a transparent text field (opacity below 0.05, here or on an ancestor) is not fillable', () => {
    document.body.innerHTML = `<input id="zero" style="opacity:0"><input id="faint" style="opacity:0.04">
      <div style="opacity:0"><div><input id="ancestor"></div></div><input id="half" style="opacity:0.5">`;
    expect(isFillable($('zero'))).toBe(false);
    expect(isFillable($('faint'))).toBe(false);
    expect(isFillable($('ancestor'))).toBe(false);
    expect(isFillable($('half'))).toBe(true);
  });

  it('a transparent native checkbox drawn over a visible track (MUI switch) is fillable through its label', () => {
    document.body.innerHTML = '<label id="l"><span class="track"><input id="sw" type="checkbox" role="switch" style="opacity:0"></span> Enable Maintenance Integration</label>';
    expect(isFillable($('sw'))).toBe(true);
  });

  it('a transparent checkbox is fillable through its visible parent when it has no label', () => {
    document.body.innerHTML = '<span class="track"><input id="cb" type="checkbox" style="opacity:0"></span>';
    expect(isFillable($('cb'))).toBe(true);
  });

  it('a transparent checkbox whose label is transparent too is not fillable', () => {
    document.body.innerHTML = '<div style="opacity:0"><label><input id="cb" type="checkbox" style="opacity:0"> Enable</label></div>';
    expect(isFillable($('cb'))).toBe(false);
  });

  it('a hidden checkbox is not fillable even with a visible label', () => {
    document.body.innerHTML = '<label><input id="cb" type="checkbox" hidden> Enable</label>';
    expect(isFillable($('cb'))).toBe(false);
  });
});
