// Serves test/fixtures over HTTP for e2e tests, the demo and the bench.
// - GET  /<path>            a file under test/fixtures (".tsx"/".ts" are bundled with esbuild on first request)
// - POST /submit/<name>     a fixture page's Save/Update posts its framework state here (JSON)
// - GET  /submitted/<name>  the last JSON posted under <name> (404 when none)
// - POST /reset             forgets every submission
// - GET  /vendor/element-plus.css, /vendor/vuetify.css   the Vue libraries' stylesheets
// Generated pages: /generated/sites-table.html?rows=N renders a native Sites table of N rows.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const vendorFiles = {
  '/vendor/element-plus.css': fileURLToPath(import.meta.resolve('element-plus/dist/index.css')),
  '/vendor/vuetify.css': fileURLToPath(import.meta.resolve('vuetify/dist/vuetify.css')),
};
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

async function bundle(file) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    minify: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function sitesTable(rows) {
  const body = [];
  for (let i = 1; i <= rows; i++) {
    body.push(
      `<tr><td>Station ${i}</td><td>SITE-${String(i).padStart(6, '0')}</td><td>${i} Main St</td><td>City ${i % 97}</td></tr>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sites - Titan Maintenance</title></head>
<body><header>Titan Maintenance · Tenant: bench-tenant</header><h1>Sites</h1>
<table><thead><tr><th>Site Name</th><th>Site Identifier</th><th>Address</th><th>City</th></tr></thead>
<tbody>${body.join('')}</tbody></table></body></html>`;
}

export async function startFixtureServer({ ports = [0], host = '127.0.0.1' } = {}) {
  const submissions = new Map();
  const bundles = new Map();

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'POST' && url.pathname.startsWith('/submit/')) {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      try {
        submissions.set(url.pathname.slice('/submit/'.length), JSON.parse(raw));
        return send(200, 'application/json', '{"ok":true}');
      } catch {
        return send(400, 'application/json', '{"ok":false}');
      }
    }
    if (url.pathname.startsWith('/submitted/')) {
      const name = url.pathname.slice('/submitted/'.length);
      if (!submissions.has(name)) return send(404, 'application/json', 'null');
      return send(200, 'application/json', JSON.stringify(submissions.get(name)));
    }
    if (req.method === 'POST' && url.pathname === '/reset') {
      submissions.clear();
      return send(200, 'application/json', '{"ok":true}');
    }
    if (url.pathname === '/generated/sites-table.html') {
      const rows = Math.min(Number(url.searchParams.get('rows') ?? '100') || 0, 100_000);
      return send(200, types['.html'], sitesTable(rows));
    }
    const vendorFile = vendorFiles[url.pathname];
    if (vendorFile) return send(200, types['.css'], await fs.readFile(vendorFile));
    const file = path.normalize(path.join(fixturesDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(fixturesDir)) return send(403, 'text/plain', 'forbidden');
    try {
      const ext = path.extname(file);
      if (ext === '.tsx' || ext === '.ts') {
        if (!bundles.has(file)) bundles.set(file, await bundle(file));
        return send(200, types['.js'], bundles.get(file));
      }
      const stat = await fs.stat(file);
      const target = stat.isDirectory() ? path.join(file, 'index.html') : file;
      return send(200, types[path.extname(target)] ?? 'application/octet-stream', await fs.readFile(target));
    } catch (error) {
      if (error && error.code === 'ENOENT') return send(404, 'text/plain', 'not found');
      return send(500, 'text/plain', String(error && error.message));
    }
  }

  const servers = await Promise.all(
    ports.map(
      (port) =>
        new Promise((resolve, reject) => {
          const server = http.createServer((req, res) => {
            handle(req, res).catch(() => {
              res.writeHead(500);
              res.end();
            });
          });
          server.once('error', reject);
          server.listen(port, host, () => resolve(server));
        }),
    ),
  );
  return {
    ports: servers.map((s) => s.address().port),
    close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ports = (process.env.FIXTURE_PORTS ?? '4173').split(',').map(Number);
  const { ports: bound } = await startFixtureServer({ ports });
  console.log(`Fixture server on ${bound.map((p) => `http://127.0.0.1:${p}`).join(', ')}`);
}
