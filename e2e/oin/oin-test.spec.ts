import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/**
 * `npm run oin:test` catches a broken flow: with the tenants' Okta tile switched off (its self-check switch),
 * the SP-initiated line still passes, the IdP-initiated line fails with the app's refusal, and the exit code
 * is 1. Runs the tester as a child process on the production build this suite just made (its own stack:
 * throwaway database, stand-in on free ports), two flows only to stay cheap. The all-pass run is `npm run oin:test`.
 */
test('oin:test prints a FAIL line and exits 1 when the IdP-initiated flow is broken', async () => {
  test.setTimeout(300_000);
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/oin-test/main.ts', '--no-build', '--self-check-tile-off', '--flows', 'sp,idp-redirect'], {
      env: { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgresql://postgres:postgres@127.0.0.1:5432/postgres' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  expect(run.stdout, run.stderr).toMatch(/^PASS {2}SP-initiated sign-in +alice@acme\.test signed in to \/t\/acme from this app/m);
  expect(run.stdout).toMatch(/^FAIL {2}IdP-initiated \(tile, OIDC Compliant redirect\) +the app refused with okta_initiated_disabled/m);
  expect(run.stdout).toMatch(/^1 passed, 1 failed, 0 skipped\./m);
  expect(run.code).toBe(1);
});
