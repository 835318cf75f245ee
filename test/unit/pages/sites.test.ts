import { describe, expect, it } from 'vitest';
import { readSites, validateSites } from '@/lib/pages/sites';
import { deepElements } from '@/lib/dom/tree';
import { expectedFor, loadFixture } from '../fixtures';

const expected = expectedFor('maintenance');

describe('readSites on static fixtures', () => {
  for (const file of ['sites-native.html', 'sites-cards.html']) {
    it(file, async () => {
      const doc = loadFixture(`maintenance/${file}`);
      const read = await readSites(deepElements(doc.body), '127.0.0.1');
      const want = expected[file]!.expected as { sites: { identifier: string; name: string }[] };
      expect(read?.sites.map((s) => s.identifier).sort()).toEqual(want.sites.map((s) => s.identifier).sort());
      const byId = new Map(read!.sites.map((s) => [s.identifier, s]));
      for (const site of want.sites) expect(byId.get(site.identifier)?.name).toBe(site.name);
    });
  }
});

describe('validateSites', () => {
  it('cleans values, skips rows without an identifier and reports conflicting duplicates', () => {
    const { sites, problems } = validateSites([
      { name: 'A', identifier: 'X-1' },
      { name: 'B', identifier: '' },
      { name: 'C', identifier: 'D-1' },
      { name: 'D', identifier: 'D-1' },
      { name: 'E', identifier: 'E-1' },
      { name: 'E', identifier: 'E-1' },
    ]);
    expect(sites.map((s) => s.identifier)).toEqual(['X-1', 'E-1']);
    expect(problems.join(' ')).toMatch(/1 row has no Site Identifier/);
    expect(problems.join(' ')).toMatch(/D-1 appears on several different sites/);
  });

  it('an empty list is empty, not an error', () => {
    expect(validateSites([])).toEqual({ sites: [], problems: [] });
  });
});

describe('a 10,000-row native table', () => {
  it('reads every row', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `<tr><td>Station ${i}</td><td>S-${i}</td></tr>`).join('');
    document.body.innerHTML = `<h1>Sites</h1><table><thead><tr><th>Site Name</th><th>Site Identifier</th></tr></thead><tbody>${rows}</tbody></table>`;
    const read = await readSites(deepElements(document.body), 'acme.titanmaintenance.com');
    expect(read?.sites).toHaveLength(10_000);
    expect(read?.tenant).toEqual({ name: 'acme', source: 'host' });
  });
});
