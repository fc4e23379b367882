/**
 * The connector that keeps hostile test targets on the machine, tested on its own: here every guard in front
 * of it is assumed broken (the lookup answers whatever it is told), and it must still refuse. Cases with a
 * non-loopback target give it a socket opener that only records, so even a broken connector opens nothing.
 */
import http from 'node:http';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLoopbackLiteral, loopbackOnlyConnector } from './loopback-only-connector';

/** A lookup with no guard at all: answers `address` for any name. */
const brokenLookup = (address: string) =>
  vi.fn(((_host: string, _options: unknown, callback: (e: null, a: string, f: number) => void) =>
    callback(null, address, address.includes(':') ? 6 : 4)) as unknown as LookupFunction);

/** A socket opener that records what it was asked to open and opens nothing. */
function recordingOpener() {
  const opened: string[] = [];
  const factory = (() => (options: { hostname: string }, callback: (e: Error, s: null) => void) => {
    opened.push(options.hostname);
    callback(new Error(`test opener asked to open ${options.hostname}`), null);
  }) as unknown as Parameters<typeof loopbackOnlyConnector>[1];
  return { factory, opened };
}

function connectVia(connector: ReturnType<typeof loopbackOnlyConnector>, lookup: LookupFunction, hostname: string, port: string) {
  const connect = connector.make({ lookup, timeout: 1000 });
  return new Promise<Socket>((resolve, reject) =>
    connect({ hostname, port, protocol: 'http:' }, (error, socket) => (error ? reject(error) : resolve(socket!))),
  );
}

let server: http.Server;
let port = '';
const accepted: string[] = [];
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end());
  server.on('connection', (s) => accepted.push(s.remoteAddress ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = String((server.address() as AddressInfo).port);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('isLoopbackLiteral', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.1.2.3', false],
    ['169.254.169.254', false],
    ['::ffff:10.1.2.3', false],
    ['fe80::1%lo', false],
    ['localhost', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackLiteral(address)).toBe(expected);
  });
});

describe('loopbackOnlyConnector', () => {
  it.each(['10.1.2.3', '169.254.169.254', 'fd00::1', '[fe80::1]', '0.0.0.0'])(
    'refuses the literal %s, records it and opens no socket',
    async (hostname) => {
      const opener = recordingOpener();
      const connector = loopbackOnlyConnector('loopback', opener.factory);
      const lookup = brokenLookup('127.0.0.1');
      const address = hostname.replace(/^\[(.*)\]$/, '$1');
      await expect(connectVia(connector, lookup, hostname, '80')).rejects.toThrow(`connection attempted to ${address}`);
      expect(opener.opened).toEqual([]);
      expect(connector.attempts).toEqual([{ host: address, port: '80', address, connected: false }]);
      expect(() => connector.assertNothingRefused()).toThrow(`connection attempted to ${address} (port 80)`);
      expect(lookup).not.toHaveBeenCalled();
    },
  );

  it('refuses what a broken lookup answers for localhost', async () => {
    const opener = recordingOpener();
    const connector = loopbackOnlyConnector('loopback', opener.factory);
    await expect(connectVia(connector, brokenLookup('10.1.2.3'), 'localhost', '443')).rejects.toThrow('connection attempted to 10.1.2.3');
    expect(opener.opened).toEqual([]);
    expect(connector.attempts).toEqual([{ host: 'localhost', port: '443', address: '10.1.2.3', connected: false }]);
  });

  it('refuses any other hostname before a DNS lookup', async () => {
    const opener = recordingOpener();
    const connector = loopbackOnlyConnector('loopback', opener.factory);
    const lookup = brokenLookup('127.0.0.1');
    await expect(connectVia(connector, lookup, 'idp.example', '443')).rejects.toThrow('connection attempted to idp.example');
    expect(opener.opened).toEqual([]);
    expect(lookup).not.toHaveBeenCalled();
  });

  it("in 'none' mode refuses loopback too", async () => {
    const opener = recordingOpener();
    const connector = loopbackOnlyConnector('none', opener.factory);
    const before = accepted.length;
    await expect(connectVia(connector, brokenLookup('127.0.0.1'), '127.0.0.1', port)).rejects.toThrow('connection attempted to 127.0.0.1');
    expect(opener.opened).toEqual([]);
    expect(accepted.length).toBe(before);
  });

  it('connects to a loopback literal, and to localhost through the lookup it was given', async () => {
    const connector = loopbackOnlyConnector();
    const lookup = brokenLookup('127.0.0.1');
    (await connectVia(connector, lookup, '127.0.0.1', port)).destroy();
    (await connectVia(connector, lookup, 'localhost', port)).destroy();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(connector.attempts.map((a) => [a.host, a.address, a.connected])).toEqual([
      ['127.0.0.1', '127.0.0.1', true],
      ['localhost', '127.0.0.1', true],
    ]);
    expect(() => connector.assertNothingRefused()).not.toThrow();
    await vi.waitFor(() => expect(accepted.slice(-2)).toEqual(['127.0.0.1', '127.0.0.1']));
  });
});
