import { describe, expect, it } from 'vitest';
import { readPagination, readSites, validateSites } from '@/lib/pages/sites';
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

describe('readPagination', () => {
  const read = (html: string) => {
    document.body.innerHTML = html;
    return readPagination(deepElements(document.body));
  };

  it('reads a range status line, with thousands separators and en dashes', () => {
    expect(read('<div>Showing 1–25 of 75</div>')).toEqual({ text: '1–25 of 75', rowsShown: 25, morePages: true });
    expect(read('<p>1,001-2,000 of 2,500</p>')).toEqual({ text: '1,001-2,000 of 2,500', rowsShown: 1000, morePages: true });
    expect(read('<span>1–40 of 40</span>')).toEqual({ text: '1–40 of 40', rowsShown: 40, morePages: false });
  });

  it('reads "Page x of y"', () => {
    expect(read('<div>Page 2 of 3</div>')).toEqual({ text: 'Page 2 of 3', rowsShown: null, morePages: true });
    expect(read('<div>Page 1 of 1</div>')?.morePages).toBe(false);
  });

  it('falls back to an enabled Next or Previous button when no status line is shown', () => {
    expect(read('<ul><li title="Previous Page" aria-disabled="true"></li><li title="1">1</li><li title="Next Page" aria-disabled="false"><button>›</button></li></ul>')?.morePages).toBe(true);
    expect(read('<nav><button aria-label="Go to previous page">‹</button><button aria-label="Go to next page" disabled>›</button></nav>')?.morePages).toBe(true);
    expect(read('<nav><button aria-label="Previous" disabled>‹</button><button aria-label="Next" disabled>›</button></nav>')).toBeNull();
  });

  it('ignores impossible ranges, prose and long text', () => {
    expect(read('<div>Showing 30–25 of 75</div>')).toBeNull();
    expect(read('<div>Rows 1–50 of 20</div>')).toBeNull();
    expect(read('<div>Page 4 of 3</div>')).toBeNull();
    expect(read(`<p>${'A long help paragraph. '.repeat(10)}It explains that 1–25 of 75 sites are shown.</p>`)).toBeNull();
    expect(read('<p>Next steps</p>')).toBeNull();
  });
});
