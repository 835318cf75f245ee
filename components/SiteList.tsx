import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { normaliseName } from '@/lib/dom/text';

export interface SiteView {
  name: string;
  identifier: string;
  address?: string;
  city?: string;
}
export interface MappingView {
  siteIdentifier: string;
  facilityName: string;
  edgeOrigin: string;
  mappedAt: number;
}

const ROW_HEIGHT = 32;
const VIEW_HEIGHT = 224;
const OVERSCAN = 6;

/**
 * Renders only the rows in view (plus a few either side) of a fixed-row-height list, so 10,000
 * sites scroll as smoothly as 10. Hand-written rather than @tanstack/react-virtual: the popup's
 * 250 KB budget has no room for it, and fixed-height rows need only this arithmetic.
 */
function WindowedList<T>({ items, label, keyOf, render }: { items: T[]; label: string; keyOf: (item: T) => string; render: (item: T) => ReactNode }) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  return (
    // Focusable so the list scrolls from the keyboard even when its rows hold no buttons.
    <div className="sites" tabIndex={0} role="region" aria-label={label} style={{ maxHeight: VIEW_HEIGHT }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul className="plain windowed" style={{ height: items.length * ROW_HEIGHT, paddingTop: first * ROW_HEIGHT }}>
        {items.slice(first, last).map((item, i) => (
          <li key={keyOf(item)} aria-setsize={items.length} aria-posinset={first + i + 1} style={{ height: ROW_HEIGHT }}>
            {render(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Searchable by name, identifier and city; a windowed list so 10,000 stay smooth. */
export function SiteList({ title, sites, mappings, onChoose }: { title: string; sites: SiteView[]; mappings: MappingView[]; onChoose?: (site: SiteView) => void }) {
  const [query, setQuery] = useState('');
  const index = useMemo(() => sites.map((s) => ({ site: s, text: normaliseName(`${s.name} ${s.identifier} ${s.city ?? ''}`) })), [sites]);
  const mapped = useMemo(() => new Map(mappings.map((m) => [m.siteIdentifier, m])), [mappings]);
  // Filtering 10,000 prepared strings takes about a millisecond: the list updates in the same
  // render as the keystroke, so the count a person sees is never one keystroke behind.
  const matches = useMemo(() => {
    const q = normaliseName(query);
    return q ? index.filter((e) => e.text.includes(q)) : index;
  }, [index, query]);
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <label>
        Search sites
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p className="muted">
        {matches.length.toLocaleString('en-US')} of {sites.length.toLocaleString('en-US')} sites
      </p>
      <WindowedList
        items={matches}
        label={`${title}: list`}
        keyOf={(entry) => entry.site.identifier}
        render={({ site }) => {
          const mapping = mapped.get(site.identifier);
          const text = `${site.name} — ${site.identifier}`;
          if (onChoose) {
            return (
              <button type="button" className="secondary" title={text} onClick={() => onChoose(site)}>
                {text}
              </button>
            );
          }
          const full = `${text}${site.city ? `, ${site.city}` : ''}${mapping ? ` · mapped to ${mapping.facilityName} on ${new Date(mapping.mappedAt).toLocaleDateString('en-CA')}` : ' · not mapped'}`;
          return <span title={full}>{full}</span>;
        }}
      />
    </section>
  );
}
