import { chromium } from 'playwright-core';
import http from 'node:http';
let html = '<!doctype html><html><body><h1>x</h1>';
for (let i = 0; i < 1200; i++) html += `<div class="c"><span>${i}</span><b>b</b><i>i</i><a href="#">a</a></div>`;
html += '</body></html>';
const srv = http.createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(html); });
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${srv.address().port}/`;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await b.newPage();
for (let i = 0; i < 3; i++) {
  await page.goto(url + '?' + i);
  console.log(await page.evaluate(() => {
    const t0 = performance.now(); const txt = document.body.textContent; const t1 = performance.now();
    /maintenance\s*integration|data vendor mapping/i.test(txt); const t2 = performance.now();
    const all = document.body.getElementsByTagName('*'); let n = 0; for (let i = 0; i < all.length; i++) if (all[i].shadowRoot) n++; const t3 = performance.now();
    for (let i = 0; i < all.length; i++) if (all[i].shadowRoot) n++; const t4 = performance.now();
    return { elements: all.length, textContent: t1 - t0, regex: t2 - t1, shadowLoopFirst: t3 - t2, shadowLoopSecond: t4 - t3, len: txt.length };
  }));
}
await b.close(); srv.close();
