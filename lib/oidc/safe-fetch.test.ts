import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loopbackOnlyConnector } from '@/test/loopback-only-connector';
import { OidcError } from './errors';
import { classifyAddress, createGuardedLookup, createSafeFetch } from './safe-fetch';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A real server on 127.0.0.1 that counts connections and requests. */
async function startServer(handler: Handler) {
  const server = http.createServer((req, res) => {
    stats.requests++;
    handler(req, res);
  });
  const stats = { connections: 0, requests: 0 };
  server.on('connection', () => stats.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stats,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Every fetch here opens its sockets through a loopback-only connector that runs after the guards: a target
// a broken guard lets through is recorded and refused there, and the test fails with "connection attempted
// to 10.1.2.3" instead of reaching it. `strict` must never connect at all, not even to loopback.
const localSockets = loopbackOnlyConnector('loopback');
const strictSockets = loopbackOnlyConnector('none');
// A generous timeout for answers that come at once (a loaded CI machine is slow), a short one to test timeouts.
const local = createSafeFetch({ allowInsecureLocal: true, timeoutMs: 3000, maxBytes: 64 * 1024 }, localSockets.make);
const localQuick = createSafeFetch({ allowInsecureLocal: true, timeoutMs: 300, maxBytes: 64 * 1024 }, localSockets.make);
const strict = createSafeFetch({ allowInsecureLocal: false, timeoutMs: 3000, maxBytes: 64 * 1024 }, strictSockets.make);

function assertNothingEscapedTheGuard() {
  try {
    localSockets.assertNothingRefused();
    strictSockets.assertNothingRefused();
  } finally {
    localSockets.attempts.length = 0;
    strictSockets.attempts.length = 0;
  }
}
afterEach(assertNothingEscapedTheGuard);

async function codeOf(p: Promise<unknown>): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    assertNothingEscapedTheGuard();
    expect(e).toBeInstanceOf(OidcError);
    return { code: (e as OidcError).code, details: (e as OidcError).details };
  }
  throw new Error('expected a rejection');
}

/**
 * Hostile hosts, written as bare addresses: URLs are built from them only for the two fetches above, whose
 * connector refuses them whatever the guard does. (Test files hold no URL to such an address: eslint.config.mjs.)
 */
const HOSTILE_HOSTS = ['169.254.169.254', '10.1.2.3', '192.168.1.1', '100.64.0.1', '0.0.0.0', '[fd00::1]', '[fe80::1]', '[::ffff:10.0.0.1]', '[64:ff9b::a9fe:a9fe]'];

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', false, true, 'unicast'],
    ['2606:4700:4700::1111', false, true, 'unicast'],
    ['127.0.0.1', false, false, 'loopback'],
    ['127.0.0.1', true, true, 'loopback'],
    ['::1', false, false, 'loopback'],
    ['[::1]', true, true, 'loopback'],
    ['::ffff:127.0.0.1', true, true, 'loopback'],
    ['10.1.2.3', true, false, 'private'],
    ['172.16.5.4', true, false, 'private'],
    ['192.168.1.1', true, false, 'private'],
    ['169.254.169.254', true, false, 'linkLocal'],
    ['100.64.0.1', true, false, 'carrierGradeNat'],
    ['224.0.0.1', true, false, 'multicast'],
    ['255.255.255.255', true, false, 'broadcast'],
    ['0.0.0.0', true, false, 'unspecified'],
    ['::', true, false, 'unspecified'],
    ['fd00::1', true, false, 'uniqueLocal'],
    ['[fd00::1]', true, false, 'uniqueLocal'],
    ['fe80::1', true, false, 'linkLocal'],
    ['ff02::1', true, false, 'multicast'],
    ['::ffff:10.0.0.1', true, false, 'private'],
    ['::ffff:169.254.169.254', false, false, 'linkLocal'],
    ['64:ff9b::a9fe:a9fe', true, false, 'linkLocal'], // NAT64 of 169.254.169.254
    ['64:ff9b::808:808', false, true, 'unicast'], // NAT64 of 8.8.8.8
    ['2002:a00:1::1', true, false, '6to4'],
    ['192.0.2.1', true, false, 'reserved'],
    ['example.com', true, false, 'invalid'],
  ])('%s (allowInsecureLocal=%s) → allowed=%s, %s', (address, allowInsecureLocal, allowed, range) => {
    expect(classifyAddress(address, allowInsecureLocal)).toEqual({ allowed, range });
  });
});

describe('createGuardedLookup (the DNS answer is checked at connect time)', () => {
  const fakeDns =
    (answers: string[]) =>
    (_h: string, _o: unknown, cb: (err: NodeJS.ErrnoException | null, a: { address: string; family: number }[]) => void) =>
      cb(null, answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

  const run = (answers: string[], allow: boolean, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      createGuardedLookup(allow, fakeDns(answers))('idp.example', { all }, (err, address) => (err ? reject(err) : resolve(address))),
    );

  it('passes public answers through, in both callback shapes', async () => {
    await expect(run(['93.184.216.34'], false, false)).resolves.toBe('93.184.216.34');
    await expect(run(['93.184.216.34', '2606:2800::1'], false, true)).resolves.toHaveLength(2);
  });

  it.each([
    [['93.184.216.34', '10.0.0.1'], false],
    [['169.254.169.254'], true],
    [['fd00::1'], true],
    [['127.0.0.1'], false],
  ])('refuses %j (allowInsecureLocal=%s) when any answer is not public', async (answers, allow) => {
    expect((await codeOf(run(answers, allow, true))).code).toBe('address_refused');
  });

  it('allows a loopback answer under allowInsecureLocal', async () => {
    await expect(run(['127.0.0.1'], true, false)).resolves.toBe('127.0.0.1');
  });
});

describe('createSafeFetch against local servers', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let target: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    target = await startServer((_req, res) => res.end('should never be reached'));
    srv = await startServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/json') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-rate-limit-remaining': '7' }).end('{"ok":true}');
      } else if (path === '/missing') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"nope"}');
      } else if (path === '/echo') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => res.end(JSON.stringify({ method: req.method, type: req.headers['content-type'], body })));
      } else if (path === '/big') {
        res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end(Buffer.alloc(10 * 1024 * 1024));
      } else if (path === '/big-chunked') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => clearInterval(timer));
      } else if (path === '/slow') {
        const t = setTimeout(() => res.end('late'), 5000);
        res.on('close', () => clearTimeout(t));
      } else if (path === '/slow-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('x'), 50);
        res.on('close', () => clearInterval(timer));
      } else if (path === '/redirect-private') {
        res.writeHead(302, { location: `http://${HOSTILE_HOSTS[1]}/` }).end();
      } else if (path === '/redirect-local') {
        res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end();
      } else {
        res.writeHead(500).end();
      }
    });
  });
  afterAll(async () => {
    await srv.close();
    await target.close();
  });

  const url = (path: string, scheme = 'http', host = '127.0.0.1') => `${scheme}://${host}:${srv.port}${path}`;

  it('fetches from loopback under allowInsecureLocal and returns a usable Response', async () => {
    const res = await local(url('/json'));
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-rate-limit-remaining')).toBe('7');
    expect(await res.json()).toEqual({ ok: true });
    // The socket was opened by the injected connector, not by a default one.
    expect(localSockets.attempts).toEqual([{ host: '127.0.0.1', port: String(srv.port), address: '127.0.0.1', connected: true }]);
  });

  it('resolves hostnames through the guarded lookup (localhost under allowInsecureLocal)', async () => {
    const res = await local(url('/json', 'http', 'localhost'));
    expect(await res.json()).toEqual({ ok: true });
    expect(localSockets.attempts).toEqual([{ host: 'localhost', port: String(srv.port), address: '127.0.0.1', connected: true }]);
  });

  it('keeps error statuses and bodies for the caller to judge', async () => {
    const res = await local(url('/missing'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'nope' });
  });

  it('sends method, headers and form bodies (token requests), also from a Request', async () => {
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: 'abc' });
    const res = await local(url('/echo'), { method: 'POST', body: form });
    expect(await res.json()).toEqual({ method: 'POST', type: 'application/x-www-form-urlencoded;charset=UTF-8', body: form.toString() });
    const viaRequest = await local(new Request(url('/echo'), { method: 'POST', body: 'x=1', headers: { 'content-type': 'text/plain' } }));
    expect(await viaRequest.json()).toEqual({ method: 'POST', type: 'text/plain', body: 'x=1' });
  });

  it('refuses loopback without allowInsecureLocal, before connecting', async () => {
    const before = srv.stats.connections;
    expect((await codeOf(strict(url('/json', 'https')))).code).toBe('address_refused');
    expect((await codeOf(strict(url('/json', 'https', 'localhost')))).code).toBe('address_refused');
    expect(srv.stats.connections).toBe(before);
  });

  it.each(['http://127.0.0.1/', 'http://example.com/', 'ftp://example.com/', 'file:///etc/passwd'])(
    'refuses %s without allowInsecureLocal (insecure_url)',
    async (u) => {
      expect((await codeOf(strict(u))).code).toBe('insecure_url');
    },
  );

  it.each(HOSTILE_HOSTS)('refuses the IP literal %s even under allowInsecureLocal (address_refused)', async (host) => {
    const { code, details } = await codeOf(local(`http://${host}/latest/meta-data/`));
    expect(code).toBe('address_refused');
    expect(details?.range).not.toBe('unicast');
  });

  it.each(HOSTILE_HOSTS)('refuses https://%s without allowInsecureLocal (address_refused)', async (host) => {
    expect((await codeOf(strict(`https://${host}/`))).code).toBe('address_refused');
  });

  it.each(['127.0.0.2', '127.1', '2130706433', '0x7f.1', '[::1]', '[::ffff:127.0.0.1]', 'localhost'])(
    'refuses the loopback alias https://%s without allowInsecureLocal, before connecting',
    async (host) => {
      const before = srv.stats.connections;
      expect((await codeOf(strict(`https://${host}:${srv.port}/json`))).code).toBe('address_refused');
      expect(srv.stats.connections).toBe(before);
    },
  );

  it('refuses a 10 MB response by its Content-Length', async () => {
    expect((await codeOf(local(url('/big'))))).toMatchObject({ code: 'response_too_large', details: { maxBytes: 65536 } });
  });

  it('refuses a streamed response once it passes maxBytes', async () => {
    expect((await codeOf(local(url('/big-chunked')))).code).toBe('response_too_large');
  });

  it.each(['/slow', '/slow-body'])('gives up on %s after the timeout (fetch_timeout)', async (path) => {
    const started = Date.now();
    expect((await codeOf(localQuick(url(path)))).code).toBe('fetch_timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses a redirect to a private address without following it', async () => {
    const { code, details } = await codeOf(local(url('/redirect-private')));
    expect(code).toBe('redirect_refused');
    expect(details).toMatchObject({ status: 302, location: `http://${HOSTILE_HOSTS[1]}/` });
  });

  it('does not follow redirects at all (the target sees no request)', async () => {
    expect((await codeOf(local(url('/redirect-local')))).code).toBe('redirect_refused');
    expect(target.stats.connections).toBe(0);
  });

  it('reports a closed port as idp_unreachable', async () => {
    const gone = await startServer(() => undefined);
    await gone.close();
    expect((await codeOf(local(`http://127.0.0.1:${gone.port}/`))).code).toBe('idp_unreachable');
  });

  it('lets a caller abort with its own signal', async () => {
    const controller = new AbortController();
    const p = local(url('/slow'), { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(p).rejects.toThrow('caller gave up');
  });
});
