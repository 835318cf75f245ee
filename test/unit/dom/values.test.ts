import { beforeEach, describe, expect, it } from 'vitest';
import { readLabelledValue, tokenShaped, valueOfElement } from '@/lib/dom/values';
import { deepElements } from '@/lib/dom/tree';

const $ = (id: string) => document.getElementById(id)!;
const page = () => deepElements(document.body);
const TOKEN = 'tmk_live_IvhnXqk7OEXxY2dGDZBMvQD';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('valueOfElement', () => {
  it('an input’s current value, cleaned', () => {
    document.body.innerHTML = '<input id="f" value="attr">';
    ($('f') as HTMLInputElement).value = `\u200B ${TOKEN} \n`;
    expect(valueOfElement($('f'))).toEqual({ value: TOKEN, masked: false, element: $('f') });
  });

  it('an empty password input is masked (the page does not show it)', () => {
    document.body.innerHTML = '<input id="f" type="password" placeholder="••••••••">';
    expect(valueOfElement($('f'))).toEqual({ value: '', masked: true, element: $('f') });
  });

  it('an input showing dots is masked and its value is not returned', () => {
    document.body.innerHTML = '<input id="f" value="••••••••abcd">';
    expect(valueOfElement($('f'))).toEqual({ value: '', masked: true, element: $('f') });
  });

  it('a container with a visible input reads the input', () => {
    document.body.innerHTML = `<div id="d">Value: <input readonly value="${TOKEN}"></div>`;
    expect(valueOfElement($('d'))?.value).toBe(TOKEN);
    expect(valueOfElement($('d'))?.element).toBe($('d').querySelector('input'));
  });

  it('text without copy buttons, icons and screen-reader-only text', () => {
    document.body.innerHTML = `<dd id="d"><code>${TOKEN}</code> <button>Copy</button><span role="button">Refresh</span><svg><title>copy</title></svg><span aria-hidden="true">⧉</span><span class="sr-only">Copied!</span><span class="visually-hidden">token</span><span hidden>old</span></dd>`;
    expect(valueOfElement($('d'))).toEqual({ value: TOKEN, masked: false, element: $('d') });
    expect($('d').querySelector('button')).not.toBeNull();
  });

  it('masked text is reported as masked, without a value', () => {
    document.body.innerHTML = '<span id="s">•••••••••• <button>Reveal</button></span>';
    expect(valueOfElement($('s'))).toEqual({ value: '', masked: true, element: $('s') });
  });

  it('is null for controls that are not text (select, checkbox, button, link) and for empty elements', () => {
    document.body.innerHTML = `<select id="sel"><option>Titan</option></select><input id="cb" type="checkbox"><button id="b">Copy</button>
      <a id="a" href="#">Refresh</a><span id="empty"> </span><span id="icon"><svg></svg></span>`;
    for (const id of ['sel', 'cb', 'b', 'a', 'empty', 'icon']) expect(valueOfElement($(id)), id).toBeNull();
  });
});

describe('readLabelledValue', () => {
  it('an input named by label[for]', () => {
    document.body.innerHTML = `<label for="t">API Token</label><input id="t" readonly value="${TOKEN}">`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
  });

  it('a definition list: the <dd> after the <dt>', () => {
    document.body.innerHTML = `<dl><dt>API Token</dt><dd><code>${TOKEN}</code></dd><dt>API Secret Key</dt><dd>tmsk_secret_value_1234</dd></dl>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
    expect(readLabelledValue(page(), 'API Secret Key', tokenShaped)?.value).toBe('tmsk_secret_value_1234');
  });

  it('a table row: the cell after the label cell', () => {
    document.body.innerHTML = `<table><tr><th>Credential</th><th>Value</th></tr><tr><td>API Token</td><td>${TOKEN}</td><td><button>Copy</button></td></tr></table>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
  });

  it('plain text beside the label', () => {
    document.body.innerHTML = `<div class="field"><span class="label">API Token</span><span class="value">${TOKEN}</span></div>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
  });

  it('an inline "Label: value"', () => {
    document.body.innerHTML = '<p>Tenant: acme-fuels</p>';
    expect(readLabelledValue(page(), 'Tenant')?.value).toBe('acme-fuels');
  });

  it('does not take help text for a token when given an accept check', () => {
    document.body.innerHTML = '<dl><dt>API Token</dt><dd>Identifies the API user. Keep it safe.</dd></dl>';
    expect(readLabelledValue(page(), 'API Token', tokenShaped)).toBeNull();
    expect(readLabelledValue(page(), 'API Token')?.value).toBe('Identifies the API user. Keep it safe.');
  });

  it('when the value beside the label is refused, does not reach past it to some other value', () => {
    document.body.innerHTML = `<div><div class="row"><span>API Token</span><span>not generated yet</span></div><code>tmsk_other_value_1234</code></div>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)).toBeNull();
  });

  it('skips a hidden value and takes the visible one', () => {
    document.body.innerHTML = `<dl><dt>API Token</dt><dd hidden>tmk_old_value_0000</dd><dd>${TOKEN}</dd></dl>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
  });

  it('ignores a hidden input and a hidden label', () => {
    document.body.innerHTML = `<div hidden><label for="a">API Token</label><input id="a" value="tmk_hidden_decoy_999"></div>
      <div style="display:none"><dl><dt>API Token</dt><dd>tmk_hidden_decoy_888</dd></dl></div>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)).toBeNull();
  });

  it('reports a masked value even though it would fail the accept check', () => {
    document.body.innerHTML = '<dl><dt>API Secret Key</dt><dd>••••••••••••</dd></dl>';
    expect(readLabelledValue(page(), 'API Secret Key', tokenShaped)).toMatchObject({ value: '', masked: true });
  });

  it('an empty search box whose placeholder mentions the label is not the value', () => {
    document.body.innerHTML = `<input type="search" placeholder="e.g. API Token"><dl><dt>API Token</dt><dd>${TOKEN}</dd></dl>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
  });

  it('inside an open shadow root', () => {
    document.body.innerHTML = '<tm-credentials id="host"></tm-credentials>';
    const root = $('host').attachShadow({ mode: 'open' });
    root.innerHTML = `<span id="l">API Token</span><span aria-labelledby="l">${TOKEN}</span>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)?.value).toBe(TOKEN);
  });

  it('is null when the label is not on the page, or the page is empty', () => {
    document.body.innerHTML = `<dl><dt>Client ID</dt><dd>${TOKEN}</dd></dl>`;
    expect(readLabelledValue(page(), 'API Token', tokenShaped)).toBeNull();
    expect(readLabelledValue([], 'API Token')).toBeNull();
  });
});

describe('tokenShaped', () => {
  it.each([TOKEN, 'abcdefgh', 'f3a9c2e1-4b7d-4e2a-9c11-2b3d4e5f6a7b', 'x'.repeat(4096)])('accepts %s', (v) => {
    expect(tokenShaped(v)).toBe(true);
  });

  it.each(['', 'short', 'abcdefg', 'two words here', 'tab\tinside', 'x'.repeat(4097)])('refuses %j', (v) => {
    expect(tokenShaped(v)).toBe(false);
  });
});
