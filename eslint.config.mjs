import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import testUrls from './test/lint/no-remote-test-urls.mjs';

const eslintConfig = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', '.next-*/**', '.data*/**', '.tmp-*', '.dbg*', 'node_modules/**', '.data/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    // lib/oidc is pure protocol code: no framework, no database, no environment.
    files: ['lib/oidc/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['next', 'next/*', '@/lib/generated/*', '@/lib/db/*', '@/lib/env', '@prisma/*'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // The Okta stand-in is a dev and test tool: production code never imports it.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/dev/*', '**/dev/okta-stand-in/*', 'oidc-provider'] }] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'dev/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests send traffic only to loopback: no URL in a test names another IP or a public host (see the rule).
    files: ['**/*.test.ts', '**/*.spec.ts', 'e2e/**/*.ts', 'test/**/*.ts'],
    plugins: { local: testUrls },
    rules: { 'local/no-remote-test-urls': 'error' },
  },
];

export default eslintConfig;
