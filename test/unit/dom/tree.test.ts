import { beforeEach, describe, expect, it } from 'vitest';
import { byIdInRoot, canHostShadow, composedClosest, composedContains, composedParent, deepElements, visibleText } from '@/lib/dom/tree';
import { cleanValue } from '@/lib/dom/text';

const ids = (elements: Element[]) => elements.map((el) => el.id || el.localName);

function shadow(host: Element, html: string, mode: ShadowRootMode = 'open'): ShadowRoot {
  const root = host.attachShadow({ mode });
  root.innerHTML = html;
  return root;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('deepElements', () => {
  it('lists the light tree in document order, without the root itself', () => {
    document.body.innerHTML = '<div id="a"><span id="a1"></span><span id="a2"><i id="a2x"></i></span></div><p id="b"></p>';
    expect(ids(deepElements(document.body))).toEqual(['a', 'a1', 'a2', 'a2x', 'b']);
  });

  it('is empty for an element with no children', () => {
    const lone = document.createElement('div');
    expect(deepElements(lone)).toEqual([]);
  });

  it('splices an open shadow root in right after its host, before the host’s light children', () => {
    document.body.innerHTML = '<div id="before"></div><x-host id="host"><p id="light"></p></x-host><div id="after"></div>';
    shadow(document.getElementById('host')!, '<section id="s1"><b id="s2"></b></section><slot id="slot"></slot>');
    expect(ids(deepElements(document.body))).toEqual(['before', 'host', 's1', 's2', 'slot', 'light', 'after']);
  });

  it('walks nested shadow roots at their hosts', () => {
    document.body.innerHTML = '<outer-el id="outer"></outer-el><div id="tail"></div>';
    const root = shadow(document.getElementById('outer')!, '<h2 id="o1"></h2><inner-el id="inner"></inner-el><p id="o2"></p>');
    shadow(root.getElementById('inner')!, '<input id="deep">');
    expect(ids(deepElements(document.body))).toEqual(['outer', 'o1', 'inner', 'deep', 'o2', 'tail']);
  });

  it('also walks a shadow root on a built-in element that can host one (div)', () => {
    document.body.innerHTML = '<div id="host"></div>';
    shadow(document.getElementById('host')!, '<em id="inside"></em>');
    expect(ids(deepElements(document.body))).toEqual(['host', 'inside']);
  });

  it('does not see closed shadow roots unless given a shadowRootOf that can', () => {
    document.body.innerHTML = '<x-closed id="host"></x-closed><p id="p"></p>';
    const host = document.getElementById('host')!;
    const closed = shadow(host, '<input id="secret">', 'closed');
    expect(host.shadowRoot).toBeNull();
    expect(ids(deepElements(document.body))).toEqual(['host', 'p']);
    const reader = (el: Element) => (el === host ? closed : el.shadowRoot);
    expect(ids(deepElements(document.body, { shadowRootOf: reader }))).toEqual(['host', 'secret', 'p']);
  });

  it('a root that is itself a shadow host yields its shadow content first, then its light children', () => {
    document.body.innerHTML = '<x-host id="host"><span id="light1"></span><span id="light2"></span></x-host>';
    const host = document.getElementById('host')!;
    shadow(host, '<div id="s1"><i id="s2"></i></div>');
    expect(ids(deepElements(host))).toEqual(['s1', 's2', 'light1', 'light2']);
  });

  it('accepts a Document or a ShadowRoot as the root', () => {
    document.body.innerHTML = '<x-host id="host"></x-host>';
    const root = shadow(document.getElementById('host')!, '<b id="in"></b>');
    expect(ids(deepElements(root))).toEqual(['in']);
    const all = ids(deepElements(document));
    expect(all.slice(0, 3)).toEqual(['html', 'head', 'body']);
    expect(all.slice(-2)).toEqual(['host', 'in']);
  });

  it('walks a same-origin (srcdoc) iframe’s document right after the frame element', () => {
    document.body.innerHTML = '<div id="a"></div><iframe id="frame" srcdoc="<p id=framed>hi</p>"></iframe><div id="b"></div>';
    const frame = document.getElementById('frame') as HTMLIFrameElement;
    expect(frame.contentDocument?.getElementById('framed')).not.toBeNull();
    expect(ids(deepElements(document.body))).toEqual(['a', 'frame', 'html', 'head', 'body', 'framed', 'b']);
  });

  it('maxDepth stops descending into shadow roots below the cap, but keeps the hosts', () => {
    document.body.innerHTML = '<lvl-one id="l1"></lvl-one>';
    const r1 = shadow(document.getElementById('l1')!, '<lvl-two id="l2"></lvl-two>');
    const r2 = shadow(r1.getElementById('l2')!, '<lvl-three id="l3"></lvl-three>');
    shadow(r2.getElementById('l3')!, '<i id="l4"></i>');
    expect(ids(deepElements(document.body))).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(ids(deepElements(document.body, { maxDepth: 0 }))).toEqual(['l1']);
    expect(ids(deepElements(document.body, { maxDepth: 1 }))).toEqual(['l1', 'l2']);
    expect(ids(deepElements(document.body, { maxDepth: 2 }))).toEqual(['l1', 'l2', 'l3']);
  });

  it('maxDepth applies to iframes too', () => {
    document.body.innerHTML = '<iframe id="frame" srcdoc="<p id=framed></p>"></iframe>';
    expect(ids(deepElements(document.body, { maxDepth: 0 }))).toEqual(['frame']);
  });

  it('maxElements returns exactly the first N elements in walk order', () => {
    document.body.innerHTML = Array.from({ length: 10 }, (_, i) => `<p id="p${i}"></p>`).join('');
    expect(ids(deepElements(document.body, { maxElements: 3 }))).toEqual(['p0', 'p1', 'p2']);
    expect(deepElements(document.body, { maxElements: 0 })).toEqual([]);
    expect(deepElements(document.body, { maxElements: 100 })).toHaveLength(10);
  });

  it('maxElements reached inside a shadow root stops the whole walk', () => {
    document.body.innerHTML = '<x-host id="host"></x-host><p id="after1"></p><p id="after2"></p>';
    shadow(document.getElementById('host')!, '<b id="s1"></b><b id="s2"></b><b id="s3"></b>');
    expect(ids(deepElements(document.body, { maxElements: 3 }))).toEqual(['host', 's1', 's2']);
  });
});

describe('composedParent', () => {
  it('is the parent element in the light tree', () => {
    document.body.innerHTML = '<div id="outer"><span id="inner">t</span></div>';
    const inner = document.getElementById('inner')!;
    expect(composedParent(inner)).toBe(document.getElementById('outer'));
    expect(composedParent(inner.firstChild!)).toBe(inner);
  });

  it('crosses from a shadow root’s top-level node to the host', () => {
    document.body.innerHTML = '<x-host id="host"></x-host>';
    const host = document.getElementById('host')!;
    const root = shadow(host, '<label id="top">Name</label>');
    const top = root.getElementById('top')!;
    expect(composedParent(top)).toBe(host);
    expect(composedParent(root.lastChild!)).toBe(host);
  });

  it('is null at the top of a document and for a detached element', () => {
    expect(composedParent(document.documentElement)).toBeNull();
    expect(composedParent(document.createElement('div'))).toBeNull();
  });
});

describe('composedClosest', () => {
  it('finds an ancestor across shadow boundaries', () => {
    document.body.innerHTML = '<section id="sec"><x-host id="host"></x-host></section>';
    const root = shadow(document.getElementById('host')!, '<div class="row"><input id="field"></div>');
    const field = root.getElementById('field')!;
    expect(field.closest('section')).toBeNull();
    expect(composedClosest(field, 'section')).toBe(document.getElementById('sec'));
    expect(composedClosest(field, '.row')).toBe(field.parentElement);
  });

  it('matches the element itself first, and is null when nothing matches', () => {
    document.body.innerHTML = '<div><input id="field" class="x"></div>';
    const field = document.getElementById('field')!;
    expect(composedClosest(field, 'input.x')).toBe(field);
    expect(composedClosest(field, 'table')).toBeNull();
  });
});

describe('composedContains', () => {
  it('is true through shadow roots, where Node.contains is not', () => {
    document.body.innerHTML = '<section id="sec"><x-host id="host"></x-host></section><section id="other"></section>';
    const root = shadow(document.getElementById('host')!, '<input id="field">');
    const field = root.getElementById('field')!;
    const sec = document.getElementById('sec')!;
    expect(sec.contains(field)).toBe(false);
    expect(composedContains(sec, field)).toBe(true);
    expect(composedContains(document.getElementById('host')!, field)).toBe(true);
  });

  it('an element contains itself; siblings and descendants do not contain it', () => {
    document.body.innerHTML = '<div id="a"><p id="child"></p></div><div id="b"></div>';
    const a = document.getElementById('a')!;
    expect(composedContains(a, a)).toBe(true);
    expect(composedContains(document.getElementById('b')!, a)).toBe(false);
    expect(composedContains(document.getElementById('child')!, a)).toBe(false);
  });
});

describe('byIdInRoot', () => {
  it('inside a shadow root, finds the id in that root, not the document’s element with the same id', () => {
    document.body.innerHTML = '<span id="lbl">document label</span><x-host id="host"></x-host>';
    const root = shadow(document.getElementById('host')!, '<span id="lbl">shadow label</span><input id="field" aria-labelledby="lbl">');
    const found = byIdInRoot(root.getElementById('field')!, 'lbl');
    expect(found?.textContent).toBe('shadow label');
    expect(byIdInRoot(root.getElementById('field')!, 'host')).toBeNull();
  });

  it('in the document, finds the document’s element', () => {
    document.body.innerHTML = '<span id="lbl">document label</span><input id="field">';
    expect(byIdInRoot(document.getElementById('field')!, 'lbl')?.textContent).toBe('document label');
    expect(byIdInRoot(document.getElementById('field')!, 'missing')).toBeNull();
  });

  it('is null for a detached element (its root has no getElementById)', () => {
    const lone = document.createElement('div');
    lone.innerHTML = '<span id="x"></span>';
    expect(byIdInRoot(lone.firstElementChild!, 'x')).toBeNull();
  });
});

describe('visibleText', () => {
  const text = (html: string) => {
    document.body.innerHTML = `<div id="t">${html}</div>`;
    return cleanValue(visibleText(document.getElementById('t')!));
  };

  it('reads text of nested elements, separating elements with spaces', () => {
    expect(text('API<b>Token</b>')).toBe('API Token');
    expect(text('<span>Site</span><span>Name</span>')).toBe('Site Name');
  });

  it('skips aria-hidden="true" and hidden subtrees, keeps aria-hidden="false"', () => {
    expect(text('Client Secret<span aria-hidden="true">*</span>')).toBe('Client Secret');
    expect(text('Label<span hidden>secret</span>')).toBe('Label');
    expect(text('Label <span aria-hidden="false">kept</span>')).toBe('Label kept');
  });

  it('skips script, style and template contents', () => {
    expect(text('Name<script>var x = 1;</script><style>.a{color:red}</style><template><p>tpl</p></template>')).toBe('Name');
  });

  it('includes an open shadow root’s text at its host', () => {
    document.body.innerHTML = '<div id="t">Before <x-host id="host"></x-host> after</div>';
    shadow(document.getElementById('host')!, '<span>inside</span><span aria-hidden="true">icon</span>');
    expect(cleanValue(visibleText(document.getElementById('t')!))).toBe('Before inside after');
  });

  it('is empty for an element with no text', () => {
    expect(text('')).toBe('');
    expect(text('<span aria-hidden="true">x</span><script>y</script>')).toBe('');
  });

  it('reads the element’s own shadow root when it is a host (an aria-labelledby target, a custom column header)', () => {
    document.body.innerHTML = '<x-label id="h"></x-label>';
    shadow(document.getElementById('h')!, '<span>Client Secret</span>');
    expect(cleanValue(visibleText(document.getElementById('h')!))).toBe('Client Secret');
  });

  it('reads slotted light children where the slot places them, in render order', () => {
    document.body.innerHTML = '<div id="t"><x-label id="h">Secret</x-label></div>';
    shadow(document.getElementById('h')!, '<span>Client</span> <slot></slot>');
    expect(cleanValue(visibleText(document.getElementById('t')!))).toBe('Client Secret');
    expect(cleanValue(visibleText(document.getElementById('h')!))).toBe('Client Secret');
  });

  it('named slots take children by slot name; an empty slot shows its fallback; unslotted children are not read', () => {
    document.body.innerHTML = '<div id="t"><x-field id="h"><b slot="end">Key</b><i>API</i><u slot="nowhere">dropped</u><s slot="end" hidden>gone</s></x-field></div>';
    shadow(document.getElementById('h')!, '<slot>not shown</slot> <slot name="mid">Secret</slot> <slot name="end"></slot>');
    expect(cleanValue(visibleText(document.getElementById('t')!))).toBe('API Secret Key');
  });

  it('resolves a slot passed on to a nested host’s slot', () => {
    document.body.innerHTML = '<div id="t"><x-outer id="outer">Secret</x-outer></div>';
    const root = shadow(document.getElementById('outer')!, '<x-inner id="inner"><slot></slot></x-inner>');
    shadow(root.getElementById('inner')!, '<em>Client</em> <slot></slot>');
    expect(cleanValue(visibleText(document.getElementById('t')!))).toBe('Client Secret');
  });

  it('an element inside a shadow tree reads what its slots show', () => {
    document.body.innerHTML = '<x-field id="h"><span slot="label">Secret</span></x-field>';
    const root = shadow(document.getElementById('h')!, '<label id="l">Client <slot name="label"></slot></label><input>');
    expect(cleanValue(visibleText(root.getElementById('l')!))).toBe('Client Secret');
  });
});

describe('canHostShadow', () => {
  // The list attachShadow() accepts (DOM standard), plus autonomous custom elements.
  const hosts = ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span', 'my-widget', 'edge-account-settings'];
  const notHosts = ['input', 'textarea', 'select', 'button', 'table', 'td', 'ul', 'li', 'a', 'img', 'iframe', 'label', 'form'];

  it.each(hosts)('%s can host a shadow root', (name) => {
    expect(canHostShadow(document.createElement(name))).toBe(true);
  });

  it.each(notHosts)('%s cannot', (name) => {
    expect(canHostShadow(document.createElement(name))).toBe(false);
  });
});
