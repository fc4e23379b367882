/**
 * ESLint rule `local/no-remote-test-urls` (wired in eslint.config.mjs for test files): a test holds no http(s) URL
 * that a client could follow beyond loopback, so a broken guard, redirect check or fixture cannot send traffic
 * off the machine. A URL's host must be one of:
 * - loopback: 127.0.0.0/8 in any form the URL parser accepts (127.1, 2130706433…), [::1], `localhost`;
 * - a name that never resolves publicly: a single label (`https://app`), the reserved TLDs `.test`, `.example`,
 *   `.invalid`, `.localhost` (RFC 6761) and `example.com`/`.net`/`.org` (RFC 2606);
 * - a name on {@link PUBLIC_NAMES_USED_AS_STRINGS}, which tests only parse and compare, never fetch;
 * - built at run time (`http://${host}/`): such tests feed hostile addresses, written bare (`'10.1.2.3'`), only to
 *   a fetch whose sockets open through test/loopback-only-connector.ts, which refuses them whatever the guard does.
 *   A host only partly built at run time (`https://${org}.okta.example`) is judged with `x` for each `${…}`.
 * Any other IP literal (private, link-local, public) or public hostname is an error.
 */
import net from 'node:net';

/** Public domains allowed in test URLs because tests use them only as strings (with their subdomains). */
export const PUBLIC_NAMES_USED_AS_STRINGS = [
  // Okta's own domains: issuers and endpoints in parsing, origin and token-verification tests.
  'okta.com',
  'oktapreview.com',
  'okta-emea.com',
  // A look-alike of okta.com that origin checks must refuse.
  'evil-okta.com',
  // An Okta custom domain (login.acme.com) in issuer-parsing and ID-token-origin tests.
  'acme.com',
  // XML namespace names (an SVG fixture in the logo checker's tests): identifiers, never fetched.
  'www.w3.org',
];

const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost']);
const RESERVED_NAMES = ['example.com', 'example.net', 'example.org'];

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const PLACEHOLDER = '\u0001';
const URL_PATTERN = /\bhttps?:\/\/([^\s'"`/?#\\]*)/gi;

const isUnder = (name, domain) => name === domain || name.endsWith(`.${domain}`);

/**
 * Why `host` (as written after `http(s)://`, without port; `\u0001` marks a `${…}` part) is not allowed in a
 * test, or null when it is.
 */
export function refuseTestUrlHost(host) {
  if (!host || host === PLACEHOLDER) return null;
  let hostname;
  try {
    hostname = new URL(`http://${host.replaceAll(PLACEHOLDER, 'x')}/`).hostname.toLowerCase();
  } catch {
    return null; // not a URL any client would follow
  }
  const literal = hostname.replace(/^\[(.*)\]$/, '$1');
  const family = net.isIP(literal);
  if (family !== 0) {
    return loopback.check(literal, family === 6 ? 'ipv6' : 'ipv4') ? null : `${hostname} is an IP literal outside loopback`;
  }
  const name = hostname.replace(/\.$/, '');
  if (!name.includes('.')) return null;
  if (RESERVED_TLDS.has(name.slice(name.lastIndexOf('.') + 1))) return null;
  if (RESERVED_NAMES.some((d) => isUnder(name, d))) return null;
  if (PUBLIC_NAMES_USED_AS_STRINGS.some((d) => isUnder(name, d))) return null;
  return `${name} is a public hostname outside the allow-list`;
}

/** Hosts of every http(s) URL in `text`, as written (userinfo and port removed). */
export function urlHostsIn(text) {
  const hosts = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const authority = match[1] ?? '';
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0];
    hosts.push({ host, index: match.index });
  }
  return hosts;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noRemoteTestUrls = {
  meta: {
    type: 'problem',
    docs: { description: 'Test files hold no http(s) URL to a non-loopback IP literal or to a public hostname outside the allow-list' },
    messages: {
      remote:
        'URL host in a test: {{reason}}. Use a loopback address, a reserved name (.test, .example, .invalid), or a bare address fed only through test/loopback-only-connector.ts (test/lint/no-remote-test-urls.mjs).',
    },
    schema: [],
  },
  create(context) {
    const check = (node, text) => {
      for (const { host } of urlHostsIn(text)) {
        const reason = refuseTestUrlHost(host);
        if (reason) context.report({ node, messageId: 'remote', data: { reason } });
      }
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(PLACEHOLDER));
      },
    };
  },
};

const plugin = { rules: { 'no-remote-test-urls': noRemoteTestUrls } };
export default plugin;
