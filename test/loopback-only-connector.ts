/**
 * The socket opener tests inject into `createSafeFetch` (lib/oidc/safe-fetch.ts), so nothing a test hands to
 * the hardened fetch can leave the machine, even when the guard under test is broken. It runs after every
 * guard and records each attempt. It connects only to loopback IP literals (127.0.0.0/8, ::1), and only in
 * `loopback` mode; anything else fails closed with "connection attempted to <address>" and opens no socket.
 * A hostname is resolved through the guarded lookup only when it is `localhost` (answered from /etc/hosts);
 * any other name is refused before a DNS query could leave the machine.
 *
 * Its checks are its own, not the guard's: a test stays safe whatever a change does to `classifyAddress`.
 */
import net from 'node:net';
import { buildConnector } from 'undici';
import type { ConnectorFactory } from '@/lib/oidc/safe-fetch';

export type ConnectionAttempt = { host: string; port: string; address: string; connected: boolean };

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** True only for a loopback IP literal; names, zone ids and anything unparsable are not. */
export function isLoopbackLiteral(address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && loopback.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * `mode: 'loopback'` for fetches that talk to the test's own servers on 127.0.0.1; `mode: 'none'` for fetches
 * that must never connect at all (the guard is expected to refuse every target they get). `openSocket` is
 * undici's connector; only this module's own test replaces it, to show that refused targets never reach it.
 */
export function loopbackOnlyConnector(mode: 'loopback' | 'none' = 'loopback', openSocket: typeof buildConnector = buildConnector) {
  const attempts: ConnectionAttempt[] = [];

  const make: ConnectorFactory = ({ lookup, timeout }) => {
    // No lookup here: it is only ever given loopback IP literals.
    const open = openSocket({ timeout });
    return (options, callback) => {
      const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
      const attempt = (address: string) => {
        const connected = mode === 'loopback' && isLoopbackLiteral(address);
        attempts.push({ host, port: options.port, address, connected });
        if (!connected) return callback(new Error(`connection attempted to ${address}`), null);
        open({ ...options, hostname: address }, callback);
      };
      if (net.isIP(host) !== 0) return attempt(host);
      if (host !== 'localhost') return attempt(host);
      lookup(host, { all: false }, (error, address) => {
        if (error) return callback(error, null);
        attempt(String(address));
      });
    };
  };

  return {
    /** Pass as `createSafeFetch`'s second argument. */
    make,
    /** Every attempt that reached the connector, in order. */
    attempts,
    /** Throws "connection attempted to <address>" when a refused attempt was recorded: a guard let it through. */
    assertNothingRefused(): void {
      const escaped = attempts.find((a) => !a.connected);
      if (escaped) throw new Error(`connection attempted to ${escaped.address} (port ${escaped.port || 'default'}): a guard let it through`);
    },
  };
}

export type LoopbackOnlyConnector = ReturnType<typeof loopbackOnlyConnector>;
