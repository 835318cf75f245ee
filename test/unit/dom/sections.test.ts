import { beforeEach, describe, expect, it } from 'vitest';
import { findHeadings, findSection, sectionAt } from '@/lib/dom/sections';
import { deepElements } from '@/lib/dom/tree';

const $ = (id: string) => document.getElementById(id)!;
const page = () => deepElements(document.body);
const WORDS = ['MaintenanceIntegration', 'Maintenance Integration'];
/** The ids of the inputs in a section, the simplest way to see which fields it holds. */
const inputIds = (elements: Element[]) => elements.filter((el) => el.matches('input, select, textarea')).map((el) => el.id);

const FORM = (prefix: string, attrs = '') => `
  <section id="${prefix}-sec"${attrs}>
    <h2 id="${prefix}-h">MaintenanceIntegration</h2>
    <label for="${prefix}-id">Maintenance ID</label><input id="${prefix}-id">
    <label for="${prefix}-secret">Client Secret</label><input id="${prefix}-secret">
  </section>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findHeadings', () => {
  it('finds headings whose whole text is one of the words, spaced or not', () => {
    document.body.innerHTML = '<h2 id="a">MaintenanceIntegration</h2><h3 id="b">Maintenance Integration:</h3><h2>Maintenance Integration settings</h2>';
    expect(findHeadings(page(), WORDS).map((el) => el.id)).toEqual(['a', 'b']);
  });

  it('keeps the innermost match only, and puts real headings before other elements', () => {
    document.body.innerHTML = '<div id="card-title"><span id="inner">Maintenance Integration</span></div><h2 id="h">Maintenance Integration</h2>';
    expect(findHeadings(page(), WORDS).map((el) => el.id)).toEqual(['h', 'inner']);
  });

  it('does not take buttons, links or options for headings', () => {
    document.body.innerHTML = '<button>Maintenance Integration</button><a href="#">Maintenance Integration</a><select><option>None</option><option>Maintenance Integration</option></select>';
    expect(findHeadings(page(), WORDS)).toEqual([]);
  });

  it('never takes a form control, or the element around one, for a heading', () => {
    document.body.innerHTML = `<div id="w1"><select id="s"><option>Maintenance Integration</option></select></div>
      <div id="w2"><textarea>Maintenance Integration</textarea></div>
      <div id="w3"><div role="combobox">MaintenanceIntegration</div></div>
      <div id="w4"><div role="listbox"><div role="option">Maintenance Integration</div></div></div>
      <button>Maintenance Integration</button><input value="Maintenance Integration">`;
    expect(findHeadings(page(), WORDS)).toEqual([]);
    document.body.innerHTML = '<select id="s"><option>Maintenance Integration</option></select>';
    expect(findHeadings(page(), WORDS)).toEqual([]);
  });

  it('a heading may hold a button or an input (a help icon, a toggle)', () => {
    document.body.innerHTML = `<h2 id="h">MaintenanceIntegration <button aria-label="Help"></button></h2>
      <legend id="l"><input type="checkbox"> Maintenance Integration</legend>`;
    expect(findHeadings(page(), WORDS).map((el) => el.id)).toEqual(['h', 'l']);
  });

  it('finds a heading inside an open shadow root', () => {
    document.body.innerHTML = '<edge-settings id="host"></edge-settings>';
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<h2 id="sh">MaintenanceIntegration</h2>';
    expect(findHeadings(page(), WORDS)).toEqual([root.getElementById('sh')]);
  });

  it('is empty when no element has the words', () => {
    document.body.innerHTML = '<h2>SSO Integration</h2>';
    expect(findHeadings(page(), WORDS)).toEqual([]);
    expect(findHeadings([], WORDS)).toEqual([]);
  });
});

describe('sectionAt', () => {
  it('with a section container: the container’s elements, and nothing outside it', () => {
    document.body.innerHTML = `<h1>Account Settings</h1>
      <section><h2>SSO Integration</h2><label for="sso">Client Secret</label><input id="sso"></section>
      ${FORM('mi')}
      <section><h2>Fuel Vendor Integration</h2><input id="fuel"></section>`;
    const section = sectionAt($('mi-h'), page());
    expect(section.heading).toBe($('mi-h'));
    expect(inputIds(section.elements)).toEqual(['mi-id', 'mi-secret']);
    expect(section.elements).not.toContain($('mi-sec'));
  });

  it('without a container: from the heading to the next heading of the same or higher level', () => {
    document.body.innerHTML = `<main>
      <h2>SSO Integration</h2><input id="sso">
      <h2 id="h">MaintenanceIntegration</h2>
      <h3>Credentials</h3><input id="a"><div><input id="b"></div>
      <h2>Fuel Vendor Integration</h2><input id="fuel">
    </main>`;
    expect(inputIds(sectionAt($('h'), page()).elements)).toEqual(['a', 'b']);
  });

  it('a container that holds rival headings of the same level is the page, not the section', () => {
    document.body.innerHTML = `<form>
      <h2 id="h">MaintenanceIntegration</h2><input id="a">
      <h2>Fuel Vendor Integration</h2><input id="fuel">
    </form>`;
    expect(inputIds(sectionAt($('h'), page()).elements)).toEqual(['a']);
  });

  it('ends at the next heading-like element of the same kind (same tag and class)', () => {
    document.body.innerHTML = `<div class="card">
      <div class="card-title" id="h">MaintenanceIntegration</div><input id="a">
      <div class="card-title">Fuel Vendor Integration</div><input id="fuel">
    </div>`;
    expect(inputIds(sectionAt($('h'), page()).elements)).toEqual(['a']);
  });

  it('runs to the end of the page when nothing follows', () => {
    document.body.innerHTML = '<h2 id="h">MaintenanceIntegration</h2><input id="a"><input id="b">';
    expect(inputIds(sectionAt($('h'), page()).elements)).toEqual(['a', 'b']);
  });

  it('a custom element with a shadow root is a section container', () => {
    document.body.innerHTML = '<edge-integration id="host"></edge-integration><input id="outside">';
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<h2 id="sh">MaintenanceIntegration</h2><input id="in">';
    expect(inputIds(sectionAt(root.getElementById('sh')!, page()).elements)).toEqual(['in']);
  });
});

describe('findSection', () => {
  it('finds the section by heading, among look-alike sections', () => {
    document.body.innerHTML = `<section><h2>SSO Integration</h2><input id="sso"></section>${FORM('mi')}`;
    const section = findSection(page(), WORDS);
    expect(section?.heading).toBe($('mi-h'));
    expect(inputIds(section!.elements)).toEqual(['mi-id', 'mi-secret']);
  });

  it('a hidden copy of the form loses to the visible one (display:none, hidden, visibility:hidden)', () => {
    document.body.innerHTML = FORM('none', ' style="display:none"') + FORM('attr', ' hidden') + FORM('real') + FORM('vis', ' style="visibility:hidden"');
    expect(findSection(page(), WORDS)?.heading).toBe($('real-h'));
  });

  it('a transparent copy (opacity:0), whose fields a person cannot see, loses to the visible one', () => {
    document.body.innerHTML = FORM('ghost', ' style="opacity:0"') + FORM('real');
    expect(findSection(page(), WORDS)?.heading).toBe($('real-h'));
  });

  it('is null when the heading is missing or hidden', () => {
    document.body.innerHTML = `<section><h2>SSO Integration</h2><input></section>`;
    expect(findSection(page(), WORDS)).toBeNull();
    document.body.innerHTML = FORM('hidden', ' hidden');
    expect(findSection(page(), WORDS)).toBeNull();
    expect(findSection([], WORDS)).toBeNull();
  });

  it('a visible heading with no fields is still the section (reported as found, with nothing to fill)', () => {
    document.body.innerHTML = '<section><h2 id="h">MaintenanceIntegration</h2><p>Not configured.</p></section>';
    const section = findSection(page(), WORDS);
    expect(section?.heading).toBe($('h'));
    expect(inputIds(section!.elements)).toEqual([]);
  });
});
