import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/support/e2e-settings';

/**
 * End-to-end tests in Debian's Chromium (no browser download: Playwright's own browsers cannot be fetched here) against the built app
 * (`next start`), a local Okta stand-in with two orgs, and a fresh PostgreSQL database — all started by
 * e2e/support/serve-e2e.ts as the web server.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
        // Tests stay on loopback even when an app guard breaks (e.g. an open redirect to https://evil.example/):
        // the browser resolves no name but localhost, so it sends not even a DNS query off the machine.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: 'npx tsx --conditions=react-server e2e/support/serve-e2e.ts',
    url: `${E2E.appUrl}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
