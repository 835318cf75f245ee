// clickSave: the section's own Save/Update, else the nearest one after it, and only one a person can see.

import { describe, expect, it } from 'vitest';
import { deepElements } from '@/lib/dom/tree';
import { sectionAt } from '@/lib/dom/sections';
import { clickSave } from '@/lib/pages/save';
import { findAccountSection } from '@/lib/pages/edge-account';
import { loadFixture } from '../fixtures';

/** Records which elements got a click, by id. */
function clicks(doc: Document): string[] {
  const seen: string[] = [];
  doc.addEventListener('click', (event) => seen.push((event.target as Element).id || (event.target as Element).tagName), true);
  return seen;
}

function sectionOf(id: string) {
  const heading = document.getElementById(id)!;
  return sectionAt(heading, deepElements(document.body));
}

describe('clickSave', () => {
  it('clicks the Save button of account-native.html, which sits after the section', () => {
    const doc = loadFixture('edge/account-native.html');
    const seen = clicks(doc);
    const section = findAccountSection(deepElements(doc.body))!;
    expect(clickSave(section, ['Save', 'Save Changes', 'Apply'])).toBe('saved');
    expect(seen).toEqual(['save']);
  });

  it('prefers the section’s own button over another section’s', () => {
    document.body.innerHTML = `<main>
      <section><h2 id="other">SSO Integration</h2><button id="sso-save">Save</button></section>
      <section><h2 id="mine">MaintenanceIntegration</h2><input><button id="mi-save">Save</button></section></main>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('mine'), ['Save'])).toBe('saved');
    expect(seen).toEqual(['mi-save']);
  });

  it('never clicks another section’s Save above it: the page-level one after the section instead', () => {
    document.body.innerHTML = `<main>
      <section><h2 id="other">SSO Integration</h2><input><button id="sso-save">Save</button></section>
      <section><h2 id="mine">MaintenanceIntegration</h2><input></section>
      <footer><button id="page-save">Save</button></footer></main>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('mine'), ['Save'])).toBe('saved');
    expect(seen).toEqual(['page-save']);
  });

  it('says not-found rather than click a Save that only precedes the section', () => {
    document.body.innerHTML = `<main>
      <section><h2 id="other">SSO Integration</h2><input><button id="sso-save">Save</button></section>
      <section><h2 id="mine">MaintenanceIntegration</h2><input></section></main>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('mine'), ['Save'])).toBe('not-found');
    expect(seen).toEqual([]);
  });

  it('recognises the words as users read them (case, spacing), an aria-label, and an input’s value', () => {
    document.body.innerHTML = `<section><h2 id="h1">A</h2><button id="b1">  SAVE  </button></section>
      <section><h2 id="h2">B</h2><button id="b2" aria-label="Update"><svg></svg></button></section>
      <section><h2 id="h3">C</h2><input type="submit" id="b3" value="Save Changes"></section>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('h1'), ['Save'])).toBe('saved');
    expect(clickSave(sectionOf('h2'), ['Update', 'Save'])).toBe('saved');
    expect(clickSave(sectionOf('h3'), ['Save', 'Save Changes'])).toBe('saved');
    expect(seen).toEqual(['b1', 'b2', 'b3']);
  });

  it('clicks nothing and says not-found when there is no such button', () => {
    document.body.innerHTML = `<section><h2 id="h">MaintenanceIntegration</h2>
      <button id="refresh">Refresh</button><button id="cancel">Cancel</button><button id="saveas">Save as template</button></section>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('h'), ['Save', 'Update'])).toBe('not-found');
    expect(seen).toEqual([]);
  });

  it('does not click a Save button a person cannot see', () => {
    document.body.innerHTML = `<section><h2 id="h">MaintenanceIntegration</h2>
      <button id="s1" style="display:none">Save</button>
      <button id="s2" hidden>Save</button>
      <button id="s3" style="visibility:hidden">Save</button>
      <button id="s4" style="opacity:0">Save</button></section>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('h'), ['Save'])).toBe('not-found');
    expect(seen).toEqual([]);
  });

  it('skips a hidden Save for the visible one', () => {
    document.body.innerHTML = `<section><h2 id="h">MaintenanceIntegration</h2>
      <button id="trap" style="display:none">Save</button><button id="real">Save</button></section>`;
    const seen = clicks(document);
    expect(clickSave(sectionOf('h'), ['Save'])).toBe('saved');
    expect(seen).toEqual(['real']);
  });

  it('clicks exactly once, with a real click’s pointer and mouse sequence', () => {
    document.body.innerHTML = '<section><h2 id="h">X</h2><button id="s">Save</button></section>';
    const events: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      document.getElementById('s')!.addEventListener(type, () => events.push(type));
    }
    clickSave(sectionOf('h'), ['Save']);
    expect(events).toEqual(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
  });

  it('with no words, finds nothing', () => {
    document.body.innerHTML = '<section><h2 id="h">X</h2><button id="s">Save</button></section>';
    const seen = clicks(document);
    expect(clickSave(sectionOf('h'), [])).toBe('not-found');
    expect(seen).toEqual([]);
  });
});
