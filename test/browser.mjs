// Finding Debian's Chromium and starting it with the built extension: shared by e2e, demo and bench.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium';

/** CHROME_PATH, then /usr/bin/chromium, then chromium or chromium-browser on PATH. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export function launchWithExtension(extensionDir, userDataDir, { headless = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium was not found. Install it with: ${INSTALL_HINT}`);
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} is missing: run npm run build:e2e first.`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
