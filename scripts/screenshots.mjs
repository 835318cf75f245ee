// `npm run screenshots`: renders the popup and options pages with demo data in real Chromium and
// writes the PNGs the README shows (docs/screenshots/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../test/browser.mjs';
import { startFixtureServer } from '../test/fixture-server.mjs';
import { act, createVault, extensionWorker, popupFor } from '../test/drive.mjs';

const OUT = path.resolve('docs/screenshots');
const build = spawnSync('npm', ['run', '--silent', 'build:e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startFixtureServer({ ports: [4173] });
const base = `http://127.0.0.1:${server.ports[0]}`;
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyferry-shots-'));
const context = await launchWithExtension(path.resolve('.output/chrome-mv3-e2e'), userDataDir);
fs.mkdirSync(OUT, { recursive: true });

async function shoot(page, name) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

try {
  const api = await context.newPage();
  await api.goto(`${base}/maintenance/api-native.html`);
  const popup = await popupFor(context, api);
  await popup.getByRole('button', { name: 'Create vault' }).waitFor();
  await shoot(popup, 'popup-first-run');
  await createVault(popup, 'demo passphrase for keyferry');
  await act(popup, 'Capture from page');

  const sites = await context.newPage();
  await sites.goto(`${base}/generated/sites-table.html?rows=2500`);
  const sitesPopup = await popupFor(context, sites);
  await sitesPopup.getByLabel(/Tenant \(optional/).fill('acme-fuels');
  await act(sitesPopup, 'Capture from page');
  const keys = await context.newPage();
  await keys.goto(`${base}/apikeys/apikeys-table.html`);
  const keysPopup = await popupFor(context, keys);
  await act(keysPopup, 'Capture from page');
  await shoot(keysPopup, 'popup-unlocked');

  const worker = await extensionWorker(context);
  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  await options.getByRole('heading', { name: 'Audit log' }).waitFor();
  await shoot(options, 'options');
  await keysPopup.getByRole('button', { name: 'Lock' }).click();
  await keysPopup.getByRole('button', { name: 'Unlock' }).waitFor();
  await shoot(keysPopup, 'popup-locked');
} finally {
  await context.close();
  await server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
