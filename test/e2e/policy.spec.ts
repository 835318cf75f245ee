import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import { EXTENSION_DIR, extensionId, launch } from './extension';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'keyferry-e2e.json');

function writable(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chromium's id for an unpacked extension: SHA-256 of its path, first 32 hex digits as a–p. */
function unpackedId(dir: string): string {
  const hex = crypto.createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

base.skip(!writable(POLICY_DIR), `${POLICY_DIR} is not writable here`);

base('a policy file pushes Edge origins and locked settings into Keyferry', async () => {
  const id = unpackedId(EXTENSION_DIR);
  fs.writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [id]: { edgeOrigins: ['https://edge.corp.example'], saveAfterFill: true, allowExport: false } } } }),
  );
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyferry-policy-'));
  const context = await launch(userDataDir);
  try {
    expect(await extensionId(context)).toBe(id);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await expect(options.getByText('https://edge.corp.example')).toBeVisible();
    await expect(options.getByLabel(/Save after fill/)).toBeChecked();
    await expect(options.getByLabel(/Save after fill/)).toBeDisabled();
    // Chromium itself drops entries the schema does not describe; invalid ones are covered by unit tests.
    await expect(options.getByRole('button', { name: 'Remove https://edge.corp.example' })).toHaveCount(0);
    await expect(options.getByRole('button', { name: 'Export vault' })).toBeDisabled();
  } finally {
    await context.close();
    fs.rmSync(POLICY_FILE, { force: true });
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});
