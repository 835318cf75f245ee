import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURE_DIR = path.resolve('test/fixtures');

/** A static fixture page parsed into its own happy-dom window (scripts not run). */
export function loadFixture(relative: string, hostname = '127.0.0.1'): Document {
  const html = fs.readFileSync(path.join(FIXTURE_DIR, relative), 'utf8');
  const window = new Window({ url: `http://${hostname}:4173/${relative}`, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function expectedFor(dir: string): Record<string, { kind: string; expected: Record<string, unknown>; needsScript?: boolean }> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, dir, 'expected.json'), 'utf8'));
}
