// pageElements: the page a reader or filler works on, as one list: the body's elements in
// document order, open shadow roots (and closed ones the browser exposes) at their host.

import { describe, expect, it } from 'vitest';
import { pageElements } from '@/lib/pages/scope';

describe('pageElements', () => {
  it('lists the body’s elements in document order, without the head', () => {
    document.head.innerHTML = '<title>t</title><meta charset="utf-8">';
    document.body.innerHTML = '<main id="m"><h1 id="h">A</h1><p id="p"><b id="b">x</b></p></main><footer id="f"></footer>';
    const ids = pageElements({ document, hostname: 'edge.example.com' }).map((el) => el.id);
    expect(ids).toEqual(['m', 'h', 'p', 'b', 'f']);
  });

  it('splices an open shadow root’s content in right after its host', () => {
    document.body.innerHTML = '<div id="before"></div><x-host id="host"></x-host><div id="after"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<label id="in-1">Client Secret</label><input id="in-2">';
    const ids = pageElements({ document, hostname: 'edge.example.com' }).map((el) => el.id);
    expect(ids).toEqual(['before', 'host', 'in-1', 'in-2', 'after']);
  });

  it('sees a closed shadow root only through the walk options', () => {
    document.body.innerHTML = '<x-closed id="host"></x-closed>';
    const host = document.getElementById('host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<input id="secret-field">';
    const plain = pageElements({ document, hostname: 'h' }).map((el) => el.id);
    expect(plain).toEqual(['host']);
    const withAccess = pageElements({ document, hostname: 'h', walk: { shadowRootOf: (el) => (el === host ? closed : el.shadowRoot) } });
    expect(withAccess.map((el) => el.id)).toEqual(['host', 'secret-field']);
  });

  it('stops at the element cap', () => {
    document.body.innerHTML = '<i></i>'.repeat(50);
    expect(pageElements({ document, hostname: 'h', walk: { maxElements: 10 } })).toHaveLength(10);
  });

  it('is empty for an empty body and for a document without a body', () => {
    document.body.innerHTML = '';
    expect(pageElements({ document, hostname: 'h' })).toEqual([]);
    const doc = document.implementation.createHTMLDocument('x');
    doc.documentElement.removeChild(doc.body);
    expect(doc.body).toBeNull();
    expect(pageElements({ document: doc, hostname: 'h' })).toEqual([]);
  });
});
