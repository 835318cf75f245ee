import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.tmp/**', '.output/**', '.wxt/**', 'node_modules/**', 'test/fixtures/**', 'test-results/**', 'demo-output/**', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node, defineBackground: 'readonly', defineContentScript: 'readonly', chrome: 'readonly' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'test/**/*.mjs', 'test/e2e/**'],
    // Browser globals too: page.evaluate callbacks run in the page or the extension's worker.
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
    // Playwright fixtures call their callback `use`, which is not React's hook.
    rules: { 'no-console': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
