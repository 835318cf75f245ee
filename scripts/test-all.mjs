// `npm test`: typecheck, lint, unit tests, the e2e build, e2e in Chromium — then one plain line
// "N passed, M failed" that totals every test that ran (CI reads that line).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0 };
let broken = false;

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  if (!ok) {
    broken = true;
    console.log(`=== ${name} FAILED (exit ${run.status})`);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

fs.rmSync('.test-results', { recursive: true, force: true });
fs.mkdirSync('.test-results', { recursive: true });

// Checks that are not tests count as one each, so a type or lint error shows in the total.
for (const [name, script] of [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
]) {
  if (step(name, 'npm', ['run', '--silent', script])) results.passed++;
  else results.failed++;
}

const unitOk = step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-results/unit.json']);
const unit = readJson('.test-results/unit.json');
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
}
if (!unitOk && !(unit?.numFailedTests > 0)) results.failed++;

if (step('build:e2e', 'npm', ['run', '--silent', 'build:e2e'])) {
  results.passed++;
  const e2eOk = step('e2e', 'npx', ['playwright', 'test'], { CI: process.env.CI ?? '' });
  const e2e = readJson('.test-results/e2e.json');
  if (e2e?.stats) {
    results.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    results.failed += e2e.stats.unexpected;
  }
  // A run that broke before its tests (no browser, port taken) still counts as a failure.
  if (!e2eOk && !(e2e?.stats?.unexpected > 0)) results.failed++;
} else results.failed++;

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(broken || results.failed ? 1 : 0);
