import { chromium } from 'playwright-core';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'; import http from 'node:http';
const ext = path.resolve('.output/chrome-mv3-e2e');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfb-'));
let html = '<!doctype html><html><body><h1>x</h1>';
for (let i = 0; i < 1200; i++) html += `<div class="c"><span>${i}</span><b>b</b><i>i</i><a href="#">a</a></div>`;
html += '</body></html>';
const srv = http.createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(html); });
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${srv.address().port}/`;
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu'] });
const worker = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
const id = new URL(worker.url()).host;
for (let i = 0; i < 100; i++) { if ((await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))) break; await new Promise(r => setTimeout(r, 50)); }
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await page.goto(url);
for (let rep = 0; rep < 3; rep++) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.goto(url + '?r=' + rep);
  await new Promise(r => setTimeout(r, 500));
  await cdp.send('Tracing.end'); await done;
  const { profile } = await cdp.send('Profiler.stop');
  const ev = events.filter(e => JSON.stringify(e.args ?? {}).includes('chrome-extension://'));
  const by = {};
  for (const e of ev) { const k = e.name + ' ' + e.ph; by[k] = by[k] || [0, 0]; by[k][0]++; by[k][1] += (e.dur || 0) / 1000; }
  console.log('trace', JSON.stringify(by));
  // profile self time by url
  const dt = {}; const nodes = new Map(profile.nodes.map(n => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) { const n = nodes.get(profile.samples[i]); const u = n.callFrame.url || n.callFrame.functionName; dt[u] = (dt[u] || 0) + profile.timeDeltas[i] / 1000; }
  const ext = {}; for (const n of profile.nodes) {}
  console.log('profile', Object.entries(dt).filter(([k]) => !k.includes('(idle)')).sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>k.slice(-50)+'='+v.toFixed(2)).join(' | '));
  // ext frames with function names
  const fn = {};
  for (let i = 0; i < profile.samples.length; i++) { let n = nodes.get(profile.samples[i]); if (n.callFrame.url.startsWith('chrome-extension')) { const k=n.callFrame.functionName+':'+n.callFrame.lineNumber+':'+n.callFrame.columnNumber; fn[k]=(fn[k]||0)+profile.timeDeltas[i]/1000; } }
  console.log('extfn', JSON.stringify(fn));
}
await ctx.close(); srv.close();
