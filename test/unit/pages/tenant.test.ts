// The Tenant name (Edge's Maintenance ID, SPEC §1): shown by the app as a "Tenant" / "Tenant name"
// label, in the title, or else the tenant's host name. Expected names come from
// test/fixtures/maintenance/expected.json and its README ("tenant shown as").

import { describe, expect, it } from 'vitest';
import { deepElements } from '@/lib/dom/tree';
import { readTenant, tenantFromHost, tenantFromTitle } from '@/lib/pages/tenant';
import { expectedFor, loadFixture } from '../fixtures';

const expected = expectedFor('maintenance');
const tenantPages = Object.entries(expected).filter(
  ([, e]) => !e.needsScript && typeof (e.expected as { tenant?: unknown }).tenant === 'string',
);

describe('readTenant on the static Maintenance fixtures', () => {
  it('has pages to check', () => {
    expect(tenantPages.map(([file]) => file)).toEqual(
      expect.arrayContaining(['api-native.html', 'api-text.html', 'api-table.html', 'sites-native.html', 'sites-cards.html']),
    );
  });

  it.each(tenantPages)('%s', (file, entry) => {
    const doc = loadFixture(`maintenance/${file}`);
    // A loopback host says nothing: the name must come from the page itself.
    expect(readTenant(deepElements(doc.body), '127.0.0.1')).toEqual({ name: (entry.expected as { tenant: string }).tenant, source: 'page' });
  });

  it('prefers what the page shows over the host name', () => {
    const doc = loadFixture('maintenance/api-native.html');
    expect(readTenant(deepElements(doc.body), 'someone-else.titanmaintenance.com')).toEqual({ name: 'acme-fuels', source: 'page' });
  });

  it('takes nothing from the knowledge-base decoy (its "Tenant name" is a description)', () => {
    const doc = loadFixture('maintenance/api-decoy.html');
    expect(readTenant(deepElements(doc.body), '127.0.0.1')).toBeNull();
  });
});

describe('readTenant on small pages', () => {
  it('reads a "Tenant name" label and a "Tenant" label', () => {
    document.body.innerHTML = '<header><span>Tenant name</span> <strong>northwind</strong></header>';
    expect(readTenant(deepElements(document.body), '127.0.0.1')).toEqual({ name: 'northwind', source: 'page' });
    document.body.innerHTML = '<header><span>Tenant: globex-retail</span></header>';
    expect(readTenant(deepElements(document.body), '127.0.0.1')).toEqual({ name: 'globex-retail', source: 'page' });
  });

  it('cleans whitespace and zero-width characters around the name', () => {
    document.body.innerHTML = '<header><span class="label">Tenant</span><span>\n  \u200Binitech-petro\u200B  </span></header>';
    expect(readTenant(deepElements(document.body), '127.0.0.1')?.name).toBe('initech-petro');
  });

  it('falls back to the host name when the page shows no tenant', () => {
    document.body.innerHTML = '<h1>Sites</h1>';
    expect(readTenant(deepElements(document.body), 'acme.titanmaintenance.com')).toEqual({ name: 'acme', source: 'host' });
  });

  it('does not take a masked tenant, nor a sentence beside the label', () => {
    document.body.innerHTML = '<header><span>Tenant: ••••••••</span></header>';
    expect(readTenant(deepElements(document.body), 'acme.titanmaintenance.com')).toEqual({ name: 'acme', source: 'host' });
    document.body.innerHTML = '<dl><dt>Tenant</dt><dd>The organisation your account belongs to in Titan Maintenance</dd></dl>';
    expect(readTenant(deepElements(document.body), 'acme.titanmaintenance.com')).toEqual({ name: 'acme', source: 'host' });
  });

  it('returns null when neither the page nor the host names a tenant', () => {
    document.body.innerHTML = '<h1>Sites</h1>';
    for (const host of ['127.0.0.1', 'localhost', '', '::1']) expect(readTenant(deepElements(document.body), host)).toBeNull();
    expect(readTenant([], '')).toBeNull();
  });
});

describe('tenantFromHost', () => {
  it('is the first label of a tenant host', () => {
    expect(tenantFromHost('acme.titanmaintenance.com')).toBe('acme');
    expect(tenantFromHost('contoso-energy.eu.titanmaintenance.com')).toBe('contoso-energy');
  });

  it('is null for addresses, bare names, and www/app hosts', () => {
    for (const host of ['', 'localhost', '127.0.0.1', '10.0.0.12', '::1', '[::1]', 'fe80::1', 'maintenance', 'titanmaintenance.com', 'www.titanmaintenance.com', 'app.titanmaintenance.com']) {
      expect(tenantFromHost(host), host).toBeNull();
    }
  });
});

describe('tenantFromTitle', () => {
  it('is the one segment that is neither the app nor the page heading', () => {
    expect(tenantFromTitle('Account Settings · Titan Maintenance · contoso-energy', [])).toBe('contoso-energy');
    expect(tenantFromTitle('Sites | Titan Maintenance | northwind', [])).toBe('northwind');
  });

  it('is null for a title without a tenant, or with a single segment', () => {
    expect(tenantFromTitle('Account Settings - Titan Maintenance', [])).toBeNull();
    expect(tenantFromTitle('Titan Maintenance', [])).toBeNull();
    expect(tenantFromTitle('', [])).toBeNull();
  });

  it('does not take the page heading for the tenant', () => {
    document.body.innerHTML = '<h1>Overview</h1>';
    expect(tenantFromTitle('Overview · Titan Maintenance', deepElements(document.body))).toBeNull();
  });

  it('is null when two segments could be the tenant', () => {
    expect(tenantFromTitle('acme-fuels · Titan Maintenance · northwind', [])).toBeNull();
  });

  it('does not take prose for a tenant', () => {
    expect(tenantFromTitle('Rest API User Setup and Credential Generation – Titan Maintenance Knowledge Base', [])).toBeNull();
  });
});
