// Writes the latest bench/results.json and bench/machine.json into README.md's Performance table
// (the lines from "Latest run:" to the end of the table). `npm run bench` calls it when it ends.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = JSON.parse(fs.readFileSync(path.join(root, 'bench/results.json'), 'utf8'));
const machine = JSON.parse(fs.readFileSync(path.join(root, 'bench/machine.json'), 'utf8'));

const cell = (v) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : '—');
const rows = results.map(
  (r) =>
    `| ${r.name} | ${cell(r.value)} | ${r.unit} | ${r.min === undefined ? '—' : `${cell(r.min)}–${cell(r.max)}`} | ${r.budget ?? '—'} | ${r.ok === null || r.ok === undefined ? '' : r.ok ? 'yes' : '**no**'} |`,
);
const block = [
  `Latest run: ${machine.date}, ${machine.cores} cores (${machine.cpu}), Chromium ${machine.chromium}, Node ${machine.node}, ${machine.seconds} s${machine.quick ? ' (--quick)' : ''}.`,
  'Absolute times on a shared 2-core machine are noisy; the ratios are the steadier figures.',
  '',
  '| figure | median | unit | min–max | budget | ok |',
  '|---|---|---|---|---|---|',
  ...rows,
];

const readmePath = path.join(root, 'README.md');
const lines = fs.readFileSync(readmePath, 'utf8').split('\n');
const start = lines.findIndex((l) => l.startsWith('Latest run:'));
if (start < 0) throw new Error('README.md has no "Latest run:" line in its Performance section');
let end = lines.findIndex((l, i) => i > start + 3 && !l.startsWith('|'));
if (end < 0) end = lines.length;
lines.splice(start, end - start, ...block);
fs.writeFileSync(readmePath, lines.join('\n'));
console.log(`README.md: Performance table updated (${rows.length} figures).`);
