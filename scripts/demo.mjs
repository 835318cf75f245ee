// `npm run demo`: builds Keyferry, serves the bundled demo Maintenance and Edge pages, and opens
// Debian's Chromium with the extension. With no display (or --headless) it walks the flow itself:
// create vault -> capture -> fill -> transfer, printing each step and saving screenshots.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium, INSTALL_HINT, launchWithExtension } from '../test/browser.mjs';
import { startFixtureServer } from '../test/fixture-server.mjs';
import { act, createVault, popupFor } from '../test/drive.mjs';

const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
const OUT = path.resolve('demo-output');
const PASSPHRASE = 'demo passphrase for keyferry';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

function say(step, text) {
  console.log(`[${step}] ${text}`);
}

if (!findChromium()) {
  console.error(`Chromium was not found (looked at CHROME_PATH, /usr/bin/chromium and PATH).\nInstall it with:\n  ${INSTALL_HINT}`);
  process.exit(1);
}

say('build', 'npm run build:e2e');
const build = spawnSync('npm', ['run', '--silent', 'build:e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startFixtureServer({ ports: [4173] });
const base = `http://127.0.0.1:${server.ports[0]}`;
say('serve', `demo pages on ${base} (Maintenance: /maintenance/api-native.html, Edge: /edge/account-react.html)`);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyferry-demo-'));
const context = await launchWithExtension(EXTENSION_DIR, userDataDir, { headless });

try {
  const maintenance = await context.newPage();
  await maintenance.goto(`${base}/maintenance/api-native.html`);
  const edge = await context.newPage();
  await edge.goto(`${base}/edge/account-react.html`);

  if (!headless) {
    const popup = await popupFor(context, maintenance);
    say('ready', 'Chromium is open with Keyferry. In the Keyferry tab: create a vault, then Capture from page (Maintenance tab) and Fill page or Transfer to Edge. Close the browser to finish.');
    await popup.bringToFront();
    await new Promise((resolve) => context.on('close', resolve));
  } else {
    fs.mkdirSync(OUT, { recursive: true });
    const popup = await popupFor(context, maintenance);
    await createVault(popup, PASSPHRASE);
    say('1 create vault', 'vault created (AES-GCM-256, key from PBKDF2-SHA-256 at 600,000 iterations)');
    await popup.screenshot({ path: path.join(OUT, '1-vault.png') });

    say('2 capture', await act(popup, 'Capture from page'));
    await popup.screenshot({ path: path.join(OUT, '2-captured.png'), fullPage: true });

    const edgePopup = await popupFor(context, edge);
    say('3 fill', await act(edgePopup, 'Fill page'));
    await edge.bringToFront();
    await edge.screenshot({ path: path.join(OUT, '3-edge-filled.png'), fullPage: true });

    const edge2 = await context.newPage();
    await edge2.goto(`${base}/edge/account-native.html`);
    await edge.close();
    await edgePopup.close();
    say('4 transfer', await act(popup, 'Transfer to Edge'));
    await edge2.bringToFront();
    await edge2.screenshot({ path: path.join(OUT, '4-transferred.png'), fullPage: true });
    say('done', `screenshots in ${OUT}`);
  }
} finally {
  await context.close().catch(() => undefined);
  await server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
