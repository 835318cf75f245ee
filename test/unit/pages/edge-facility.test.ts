// Edge > Facility Profile > Misc Information > Data Vendor Mapping (SPEC §1, edge/README.md):
// read the facility, open the tab and the pencil, put the Site Identifier in Titan Maintenance
// Facility, leave the Fuel Vendor row alone, click Update only when asked.
//
// facility-native.html keeps its behaviour (facility name, tabs, pencil, Update) in an inline
// script, so it is loaded with its script run (live-fixture.ts); Update's POST is recorded.

import { afterEach, describe, expect, it } from 'vitest';
import type { FacilityPlan } from '@/lib/messages';
import { deepElements } from '@/lib/dom/tree';
import { fillFacility, readFacility, recogniseFacility } from '@/lib/pages/edge-facility';
import { expectedFor, loadFixture } from '../fixtures';
import { loadLiveFixture, settle, type LivePage } from './live-fixture';

// maintenance/README.md: "Maple Street 12" / MS-0012 pairs with the Edge facility "Maple Street #12".
const maple = (expectedFor('maintenance')['sites-native.html']!.expected as { sites: { name: string; identifier: string }[] }).sites.find(
  (s) => s.name === 'Maple Street 12',
)!;
const PLAN: FacilityPlan = { kind: 'edge-facility', siteIdentifier: maple.identifier, save: false };
const DECOY_VENDOR = 'FV-20931';
const FAST = 200;

const live: LivePage[] = [];
afterEach(async () => {
  while (live.length) await live.pop()!.close();
});
function open(search = ''): LivePage & { collect: () => Element[] } {
  const page = loadLiveFixture('edge/facility-native.html', search);
  live.push(page);
  return { ...page, collect: () => deepElements(page.document.body) };
}
const byId = (doc: Document, id: string) => doc.getElementById(id) as HTMLInputElement;

describe('recogniseFacility', () => {
  it('recognises facility-native.html, even before Misc Information is opened', () => {
    expect(recogniseFacility(deepElements(loadFixture('edge/facility-native.html').body))).toBe(true);
  });

  it('does not recognise the Account Settings page, a Maintenance page or an empty page', () => {
    expect(recogniseFacility(deepElements(loadFixture('edge/account-native.html').body))).toBe(false);
    expect(recogniseFacility(deepElements(loadFixture('maintenance/sites-native.html').body))).toBe(false);
    expect(recogniseFacility([])).toBe(false);
  });

  it('does not take a sentence that mentions Data Vendor Mapping for the page', () => {
    document.body.innerHTML = '<p>Use Data Vendor Mapping on the Facility Profile to link a vendor.</p>';
    expect(recogniseFacility(deepElements(document.body))).toBe(false);
  });
});

describe('readFacility', () => {
  it('reads the facility name and address facility-native.html shows by default', () => {
    const page = open();
    expect(readFacility(page.collect())).toEqual({
      kind: 'edge-facility',
      facilityName: 'Maple Street #12',
      address: '12 Maple St, Springfield',
      problems: [],
    });
  });

  it('reads whatever facility the page shows (?name=…&address=…)', () => {
    const page = open(`?name=${encodeURIComponent('Oak Ridge Travel Center')}&address=${encodeURIComponent('4410 Ridge Rd, Oak Ridge')}`);
    const read = readFacility(page.collect());
    expect(read.facilityName).toBe('Oak Ridge Travel Center');
    expect(read.address).toBe('4410 Ridge Rd, Oak Ridge');
  });

  it('reads a labelled facility name with stray whitespace and zero-width characters cleaned', () => {
    document.body.innerHTML = '<dl><dt>Facility Name</dt><dd>\n  Harbor\u200B Point Fuel  \n</dd><dt>Address</dt><dd> 88 Harbor Blvd </dd></dl>';
    const read = readFacility(deepElements(document.body));
    expect(read.facilityName).toBe('Harbor Point Fuel');
    expect(read.address).toBe('88 Harbor Blvd');
  });

  it("does not take the page's own labels for the name while the summary is still empty", () => {
    const doc = loadFixture('edge/facility-native.html');
    const read = readFacility(deepElements(doc.body));
    expect(read.facilityName).toBeNull();
    expect(read.problems.join(' ')).toMatch(/facility name could not be read/i);
  });

  it('still reads a facility whose name contains a label word', () => {
    document.body.innerHTML = '<dl><dt>Facility Name</dt><dd>Address Plaza Fuel</dd></dl>';
    expect(readFacility(deepElements(document.body)).facilityName).toBe('Address Plaza Fuel');
  });

  it('says so when a page shows no facility name at all', () => {
    document.body.innerHTML = '<h1>Dashboard</h1><p>Nothing here.</p>';
    const read = readFacility(deepElements(document.body));
    expect(read.facilityName).toBeNull();
    expect(read.address).toBeNull();
    expect(read.problems.join(' ')).toMatch(/facility name could not be read/i);
    expect(readFacility([]).facilityName).toBeNull();
  });
});

describe('fillFacility on facility-native.html', () => {
  it('opens Misc Information and the pencil, and fills Titan Maintenance Facility only', async () => {
    const page = open();
    expect(byId(page.document, 'panel-misc').hidden).toBe(true);
    const reports = await fillFacility(page.document, page.collect, PLAN, FAST);
    expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status: 'filled' }]);
    expect(page.document.getElementById('tab-misc')!.getAttribute('aria-selected')).toBe('true');
    expect(byId(page.document, 'dvm-form').hidden).toBe(false);
    expect(byId(page.document, 'dvm-titan').value).toBe(maple.identifier);
    expect(byId(page.document, 'dvm-fuel').value).toBe(DECOY_VENDOR);
  });

  it('does not click Update unless asked', async () => {
    const page = open();
    await fillFacility(page.document, page.collect, PLAN, FAST);
    await settle();
    expect(page.submissions).toEqual([]);
    expect(byId(page.document, 'dvm-form').hidden).toBe(false);
  });

  it('with save on, clicks Update and the page submits the README contract', async () => {
    const page = open();
    const reports = await fillFacility(page.document, page.collect, { ...PLAN, save: true }, FAST);
    await settle();
    expect(reports).toEqual([
      { field: 'Titan Maintenance Facility', status: 'filled' },
      { field: 'Update', status: 'saved' },
    ]);
    expect(page.submissions.map((s) => s.body)).toEqual([
      { facilityName: 'Maple Street #12', titanMaintenanceFacility: maple.identifier, decoyVendor: DECOY_VENDOR },
    ]);
  });

  it('reports already-correct when the mapping already holds the identifier (?current=…)', async () => {
    const page = open(`?current=${maple.identifier}`);
    const reports = await fillFacility(page.document, page.collect, PLAN, FAST);
    expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status: 'already-correct' }]);
    expect(byId(page.document, 'dvm-titan').value).toBe(maple.identifier);
  });

  it('replaces a different identifier already in the mapping', async () => {
    const page = open('?current=MS-0021');
    const reports = await fillFacility(page.document, page.collect, PLAN, FAST);
    expect(reports[0]).toEqual({ field: 'Titan Maintenance Facility', status: 'filled' });
    expect(byId(page.document, 'dvm-titan').value).toBe(maple.identifier);
  });

  it('fills from Misc Information too, when the tab is already open', async () => {
    const page = open();
    page.document.getElementById('tab-misc')!.click();
    expect(byId(page.document, 'panel-misc').hidden).toBe(false);
    const reports = await fillFacility(page.document, page.collect, PLAN, FAST);
    expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status: 'filled' }]);
    expect(byId(page.document, 'dvm-titan').value).toBe(maple.identifier);
  });
});

describe('fillFacility with a page that does not cooperate', () => {
  it('reports the section not found on a page without Data Vendor Mapping', async () => {
    const doc = loadFixture('edge/account-native.html');
    const reports = await fillFacility(doc, () => deepElements(doc.body), PLAN, 50);
    expect(reports).toEqual([{ field: 'Data Vendor Mapping section', status: 'not-found' }]);
  });

  it('reports the pencil not found when the section has neither a field nor an Edit button', async () => {
    document.body.innerHTML = '<section><h2>Data Vendor Mapping</h2><table><tr><th>Titan Maintenance Facility</th><td>—</td></tr></table></section>';
    const reports = await fillFacility(document, () => deepElements(document.body), PLAN, 50);
    expect(reports).toEqual([{ field: 'Edit (pencil) button', status: 'not-found' }]);
  });

  it('reports the field not found when the pencil opens nothing', async () => {
    document.body.innerHTML = '<section><h2>Data Vendor Mapping</h2><button aria-label="Edit">✎</button></section>';
    const reports = await fillFacility(document, () => deepElements(document.body), PLAN, 50);
    expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status: 'not-found' }]);
  });

  it('never puts the identifier in the Fuel Vendor Facility field when Titan Maintenance Facility is missing', async () => {
    document.body.innerHTML = `<section><h2>Data Vendor Mapping</h2>
      <div><label for="fuel">Fuel Vendor Facility</label><input id="fuel" value="${DECOY_VENDOR}"></div></section>`;
    const reports = await fillFacility(document, () => deepElements(document.body), PLAN, 50);
    expect(reports.map((r) => r.status)).toContain('not-found');
    expect(byId(document, 'fuel').value).toBe(DECOY_VENDOR);
  });

  it('fills an always-editable field without looking for a pencil', async () => {
    document.body.innerHTML = `<section><h2>Data Vendor Mapping</h2>
      <div><label for="fuel">Fuel Vendor Facility</label><input id="fuel" value="${DECOY_VENDOR}"></div>
      <div><label for="titan">Titan Maintenance Facility</label><input id="titan"></div></section>`;
    const reports = await fillFacility(document, () => deepElements(document.body), PLAN, 50);
    expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status: 'filled' }]);
    expect(byId(document, 'titan').value).toBe(maple.identifier);
    expect(byId(document, 'fuel').value).toBe(DECOY_VENDOR);
  });

  it('reads the mapping back after the page re-renders: put back once, it is set again; put back always, it is rejected-by-page', async () => {
    const html = `<section><h2>Data Vendor Mapping</h2><div><label for="titan">Titan Maintenance Facility</label><input id="titan" value="old"></div></section>`;
    for (const [reverts, status] of [[1, 'filled'], [Infinity, 'rejected-by-page']] as const) {
      document.body.innerHTML = html;
      const titan = byId(document, 'titan');
      let left: number = reverts;
      titan.addEventListener('blur', () => {
        if (left-- > 0) queueMicrotask(() => (titan.value = 'old'));
      });
      const reports = await fillFacility(document, () => deepElements(document.body), PLAN, 50);
      expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status }]);
      expect(titan.value).toBe(status === 'filled' ? maple.identifier : 'old');
    }
  });

  it('with one pencil per vendor row, presses the Titan Maintenance row’s, not the Fuel Vendor one listed first', async () => {
    document.body.innerHTML = `<section><h2>Data Vendor Mapping</h2><table><tbody>
      <tr><th>Fuel Vendor Facility</th><td id="fuel-cell">${DECOY_VENDOR}</td><td><button id="edit-fuel" aria-label="Edit">✎</button></td></tr>
      <tr><th>Titan Maintenance Facility</th><td id="titan-cell">—</td><td><button id="edit-titan" aria-label="Edit">✎</button></td></tr>
    </tbody></table></section>`;
    const pressed: string[] = [];
    const editRow = (button: string, cell: string, label: string) =>
      document.getElementById(button)!.addEventListener('click', () => {
        pressed.push(button);
        document.getElementById(cell)!.innerHTML = `<label for="${cell}-input">${label}</label><input id="${cell}-input">`;
      });
    editRow('edit-fuel', 'fuel-cell', 'Fuel Vendor Facility');
    editRow('edit-titan', 'titan-cell', 'Titan Maintenance Facility');
    const reports = await fillFacility(document, () => deepElements(document.body), PLAN, FAST);
    expect(pressed).toEqual(['edit-titan']);
    expect(reports).toEqual([{ field: 'Titan Maintenance Facility', status: 'filled' }]);
    expect(byId(document, 'titan-cell-input').value).toBe(maple.identifier);
  });

  it('does not fill a hidden Titan Maintenance Facility input', async () => {
    document.body.innerHTML = `<section><h2>Data Vendor Mapping</h2>
      <div style="display:none"><label for="titan">Titan Maintenance Facility</label><input id="titan"></div></section>`;
    const reports = await fillFacility(document, () => deepElements(document.body), PLAN, 50);
    expect(reports.map((r) => r.status)).toContain('not-found');
    expect(byId(document, 'titan').value).toBe('');
  });
});
