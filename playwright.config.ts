import { defineConfig } from '@playwright/test';

// E2E drives the real production build (npm run build:e2e) in Debian's Chromium.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.test-results/e2e.json' }]] : [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  webServer: {
    command: 'node test/fixture-server.mjs',
    env: { FIXTURE_PORTS: '4173,4174' },
    url: 'http://127.0.0.1:4173/edge/account-native.html',
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
