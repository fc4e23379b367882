import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { testServerUrl } from '../../test/postgres';
import { E2E } from '../support/e2e-settings';

/** A second app instance for these tests: away from every e2e stack's ports (3100 + offset). */
const SECOND_PORT = E2E.port + 900;

test.describe('operations endpoints', () => {
  test('liveness and readiness answer 200, unauthenticated and never cached', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(health.headers()['cache-control']).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'ok' });

    // The very first probe may also load the database client; a load balancer retries, so does this test.
    await expect.poll(async () => (await request.get('/api/ready')).status(), { timeout: 15_000 }).toBe(200);
    const ready = await request.get('/api/ready');
    expect(ready.status()).toBe(200);
    expect(ready.headers()['cache-control']).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  test('are not rate limited: more probes than any per-address sign-in limit all answer 200', async ({ request }) => {
    // signin.start.ip allows 120 per minute; a load balancer probing every second from one address must never see 429.
    for (const route of ['/api/health', '/api/ready']) {
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++) {
        statuses.push(...(await Promise.all(Array.from({ length: 10 }, () => request.get(route).then((r) => r.status())))));
      }
      expect(statuses).toHaveLength(130);
      expect(new Set(statuses)).toEqual(new Set([200]));
    }
  });

  test('readiness says database_unreachable when PostgreSQL does not answer', async () => {
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    const app = await startApp(SECOND_PORT, 'postgresql://postgres:postgres@127.0.0.1:9/none');
    try {
      const response = await fetch(`${app.url}/api/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not_ready', reason: 'database_unreachable' });
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

test.describe('graceful shutdown on SIGTERM', () => {
  test('stops accepting, finishes the request in flight, closes the database pool, exits', async () => {
    const url = testServerUrl();
    url.pathname = `/${E2E.databaseName}`;
    const app = await startApp(SECOND_PORT, url.toString());
    await expect.poll(async () => (await fetch(`${app.url}/api/ready`)).status, { timeout: 15_000 }).toBe(200);

    // A request in flight: the headers and half of an Okta Simplified POST body arrive, the rest after SIGTERM.
    const body = 'id_token=not-a-jwt&x=1';
    const socket = net.connect(app.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      `POST /api/auth/callback/okta HTTP/1.1\r\nHost: localhost:${app.port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nX-Forwarded-For: 127.0.0.1\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    app.child.kill('SIGTERM');
    // New connections are refused once the server stops listening (a new TCP connection each time: fetch would
    // reuse a keep-alive connection that was open before the signal)…
    await expect.poll(() => connectTo(app.port), { timeout: 10_000 }).toBe('refused');
    // …while the request in flight still gets its whole answer.
    socket.write(body.slice(5));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 [2345]\d\d /);
    expect(answer).not.toMatch(/^HTTP\/1\.1 500/);

    const code = await app.exited;
    expect(code).toBe(143);
    expect(app.output()).toContain('SIGTERM: shutting down');
    expect(app.output()).toContain('database pool closed');
  });
});

function connectTo(port: number): Promise<'accepted' | 'refused'> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve('accepted')));
    socket.once('error', () => resolve('refused'));
  });
}

/** A second `next start` of the same build, on its own port, talking to `databaseUrl`. */
async function startApp(port: number, databaseUrl: string) {
  const appUrl = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      APP_URL: appUrl,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: E2E.authSecret,
      DATA_ENCRYPTION_KEY: E2E.dataEncryptionKey,
      ALLOW_INSECURE_LOCAL_ISSUERS: 'true',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await expect
    .poll(
      () => {
        // Not someone else's server on this port: ours must still be running.
        if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
        return fetch(`${appUrl}/api/health`).then((r) => r.status, () => 0);
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(200);
  return {
    child,
    port,
    url: appUrl,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
