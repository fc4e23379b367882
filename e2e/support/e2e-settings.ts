/**
 * Fixed addresses of the end-to-end stack, shared by the server script and the tests. `E2E_PORT_OFFSET`
 * moves every port and the database name, so two runs on one machine do not collide.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;

export const E2E = {
  appUrl: `http://localhost:${3100 + offset}`,
  port: 3100 + offset,
  orgPorts: { acme: 9201 + offset, globex: 9202 + offset },
  databaseName: `oin_e2e_${offset}`,
  /** The app's DNS server (`DNS_SERVERS`, UDP on loopback): a spec that verifies an email domain serves it (lib/tenants/testing/dns-server.ts). */
  dnsPort: 5300 + offset,
  /** Test-only secrets: the app runs in production mode, which requires them. */
  authSecret: 'e2e-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  dataEncryptionKey: `e2e:${Buffer.alloc(32, 7).toString('base64')}`,
  /** Everything the app prints (stdout and stderr), for tests that assert what never reaches a log line. */
  appLogFile: `${process.env.TMPDIR || '/tmp'}/oin-e2e-app-${offset}.log`,
} as const;

export const issuerOf = (org: keyof typeof E2E.orgPorts) => `http://127.0.0.1:${E2E.orgPorts[org]}`;
