import { defineConfig } from 'wxt';

// `npm run build:e2e` (KEYFERRY_E2E=1) is the production build plus host access to the loopback test
// servers, with http://127.0.0.1 pre-registered as both a Maintenance and an Edge origin (SPEC §4);
// localhost stays unregistered. It is built in production mode, so it ships what users run.
const E2E = process.env.KEYFERRY_E2E === '1';

export default defineConfig({
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}{{modeSuffix}}${E2E ? '-e2e' : ''}`,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Keyferry',
    description:
      'Carries Titan Maintenance API credentials and Site Identifiers into Titan Cloud Edge, from an encrypted vault.',
    // offscreen + clipboardWrite: clear a copied secret after the popup has closed (Firefox has no
    // offscreen documents: there the popup clears it while open). clipboardRead stays optional.
    // The e2e build grants clipboardRead at install: automation cannot answer the browser's prompt.
    permissions: ['storage', 'scripting', 'activeTab', 'alarms', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['offscreen']), ...(E2E ? ['clipboardRead'] : [])],
    optional_permissions: E2E ? [] : ['clipboardRead'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(E2E ? { host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    action: { default_title: 'Keyferry' },
    // IT can push settings by policy (docs/deployment.md); validated again in lib/managed.ts.
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'keyferry@keyferry.dev', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    // Scripts injected into pages get WXT's plain `browser` (the browser's own promise API) instead of
    // webextension-polyfill: the polyfill's ~10 KB would take most of their 25 KB budget (SPEC §6).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((a) => a.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  vite: () => ({
    define: { 'import.meta.env.KEYFERRY_E2E': JSON.stringify(E2E) },
  }),
});
