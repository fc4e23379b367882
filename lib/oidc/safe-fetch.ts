/**
 * The one way `lib/oidc/` talks to an IdP: a `fetch` that refuses SSRF targets, redirects, slow and
 * oversized answers. Address rules are enforced when the socket connects (custom DNS lookup and connector
 * on an undici Agent), so a hostname that resolves to a private address, or re-resolves to one later
 * (DNS rebinding), is refused before any byte is sent.
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { OidcError, isOidcError } from './errors';

/** Limits for outbound IdP calls. `allowInsecureLocal` is for development and tests only. */
export interface SafeFetchPolicy {
  /** Allows http:// and loopback addresses (never other private ranges). */
  allowInsecureLocal: boolean;
  /** Whole request budget: DNS, connect, headers and body. */
  timeoutMs: number;
  /** Largest response body accepted, in bytes. */
  maxBytes: number;
}

/**
 * Opens the socket once every guard has passed a target: undici's `buildConnector` in production. It gets
 * the guarded `lookup`, so a hostname is still checked when it resolves. Tests inject one that records each
 * attempt and connects to loopback only (test/loopback-only-connector.ts), so a broken guard can never
 * reach another address.
 */
export type ConnectorFactory = (options: { lookup: net.LookupFunction; timeout: number }) => buildConnector.connector;

/** A `fetch`-compatible function; what {@link createSafeFetch} returns and what callers accept. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Verdict on one IP address: `range` is ipaddr.js's name for it (`unicast`, `private`, `loopback`, …). */
export interface AddressVerdict {
  allowed: boolean;
  range: string;
}

// NAT64 well-known prefix: the last 32 bits are an IPv4 address that must pass the IPv4 rules.
const NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
// Deprecated IPv4-compatible addresses (`::a.b.c.d`): judged by the IPv4 address too.
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

/**
 * Classifies an IP literal (brackets and zone id allowed). Only global unicast is allowed, plus loopback
 * when `allowInsecureLocal`. IPv4-mapped, IPv4-translated and NAT64 IPv6 addresses are judged by the IPv4
 * address they embed. Anything that is not an IP literal is refused (`range: 'invalid'`).
 */
export function classifyAddress(address: string, allowInsecureLocal: boolean): AddressVerdict {
  const literal = address.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(literal.split('%')[0] ?? '') === 0) return { allowed: false, range: 'invalid' };
  let ip: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(literal);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress() || v6.range() === 'rfc6145' || v6.match(NAT64) || (v6.match(IPV4_COMPATIBLE) && v6.range() === 'unicast')) {
      ip = ipaddr.fromByteArray(v6.toByteArray().slice(12));
    }
  }
  const range = ip.range();
  return { allowed: range === 'unicast' || (allowInsecureLocal && range === 'loopback'), range };
}

function refused(host: string, address: string, range: string): OidcError {
  return new OidcError('address_refused', `Refusing to connect to ${host}: ${address} is ${range}`, {
    host,
    address,
    range,
  });
}

type BaseLookup = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

const systemLookup: BaseLookup = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/**
 * A `net` lookup function that resolves with `baseLookup` and fails with `address_refused` when any
 * returned address is refused by {@link classifyAddress}. Exported for tests; used at connect time.
 */
export function createGuardedLookup(allowInsecureLocal: boolean, baseLookup: BaseLookup = systemLookup): net.LookupFunction {
  return (hostname, options, callback) => {
    baseLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      for (const a of addresses) {
        const verdict = classifyAddress(a.address, allowInsecureLocal);
        if (!verdict.allowed) return callback(refused(hostname, a.address, verdict.range), '');
      }
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function assertUrlAllowed(url: URL, allowInsecureLocal: boolean): void {
  const httpOk = url.protocol === 'https:' || (url.protocol === 'http:' && allowInsecureLocal);
  if (!httpOk) throw new OidcError('insecure_url', `Only https URLs may be fetched: ${url.origin}`, { url: url.origin });
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(host) === 0) return;
  const verdict = classifyAddress(host, allowInsecureLocal);
  if (!verdict.allowed) throw refused(url.hostname, host, verdict.range);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, host: string): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new OidcError('response_too_large', `Response from ${host} exceeds ${maxBytes} bytes`, { host, maxBytes });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function findOidcError(e: unknown): OidcError | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (isOidcError(cur)) return cur;
  }
  return undefined;
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * Builds a `fetch` for every outbound IdP call (discovery, JWKS, token, userinfo). Contract:
 * - https only (http too under `allowInsecureLocal`), else `insecure_url`;
 * - IP literals and every DNS answer must be global unicast (loopback too under `allowInsecureLocal`),
 *   checked before connecting, else `address_refused`;
 * - redirects are never followed: any 3xx throws `redirect_refused` with its `location`;
 * - `timeoutMs` bounds the whole exchange including the body (`fetch_timeout`); bodies over `maxBytes`
 *   throw `response_too_large`; connection failures throw `idp_unreachable`.
 * Resolves to a global `Response` holding the buffered body, with the original status and headers.
 * A caller's own `init.signal` still aborts the request with the caller's reason.
 * `makeConnector` opens sockets after the guards; only tests pass their own.
 */
export function createSafeFetch(policy: SafeFetchPolicy, makeConnector: ConnectorFactory = buildConnector): FetchLike {
  const { allowInsecureLocal, timeoutMs, maxBytes } = policy;
  const lookup = createGuardedLookup(allowInsecureLocal);
  const baseConnect = makeConnector({ lookup, timeout: timeoutMs });
  const dispatcher = new Agent({
    connect: (opts, callback) => {
      // net.connect skips lookup for IP literals, so they are checked here as well as up front.
      const host = opts.hostname.replace(/^\[(.*)\]$/, '$1');
      const verdict = net.isIP(host) ? classifyAddress(host, allowInsecureLocal) : undefined;
      if (verdict && !verdict.allowed) return callback(refused(opts.hostname, host, verdict.range), null);
      baseConnect(opts, callback);
    },
  });

  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : input.toString());
    assertUrlAllowed(url, allowInsecureLocal);
    const method = init.method ?? request?.method ?? 'GET';
    const body = init.body ?? (request && !['GET', 'HEAD'].includes(method) ? await request.arrayBuffer() : undefined);
    const timeout = AbortSignal.timeout(timeoutMs);
    const callerSignal = init.signal ?? request?.signal ?? undefined;
    const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;

    try {
      const res = await undiciFetch(url, {
        method,
        headers: (init.headers ?? request?.headers) as never,
        body: body as never,
        signal,
        redirect: 'manual',
        dispatcher,
      });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        let target: string | null = location;
        try {
          if (location) target = new URL(location, url).href;
        } catch {
          // keep the raw header value for the log
        }
        throw new OidcError('redirect_refused', `${url.host} answered ${res.status}; redirects are not followed`, {
          url: url.origin + url.pathname,
          status: res.status,
          location: target,
        });
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new OidcError('response_too_large', `Response from ${url.host} declares ${declared} bytes`, {
          host: url.host,
          maxBytes,
          contentLength: declared,
        });
      }
      const bytes = res.body ? await readCapped(res.body as ReadableStream<Uint8Array>, maxBytes, url.host) : null;
      const out = new Response(NULL_BODY_STATUS.has(res.status) ? null : bytes, {
        status: res.status,
        statusText: res.statusText,
        headers: new Headers([...res.headers]),
      });
      Object.defineProperty(out, 'url', { value: res.url || url.href });
      return out;
    } catch (e) {
      const known = findOidcError(e);
      if (known) throw known;
      if (timeout.aborted) {
        throw new OidcError('fetch_timeout', `${url.host} did not answer within ${timeoutMs} ms`, { host: url.host, timeoutMs });
      }
      if (callerSignal?.aborted) throw e;
      const cause = (e as { cause?: { code?: unknown } }).cause;
      throw new OidcError(
        'idp_unreachable',
        `Could not reach ${url.host}`,
        { host: url.host, reason: typeof cause?.code === 'string' ? cause.code : String((e as Error).message) },
        { cause: e },
      );
    }
  };
}
