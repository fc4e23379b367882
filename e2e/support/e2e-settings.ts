/** Fixed addresses of the end-to-end stack, shared by the server script and the tests. */
export const E2E = {
  appUrl: 'http://localhost:3100',
  port: 3100,
  orgPorts: { acme: 9201, globex: 9202 },
  databaseName: 'oin_e2e',
  /** Test-only secrets: the app runs in production mode, which requires them. */
  authSecret: 'e2e-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  dataEncryptionKey: `e2e:${Buffer.alloc(32, 7).toString('base64')}`,
} as const;

export const issuerOf = (org: keyof typeof E2E.orgPorts) => `http://127.0.0.1:${E2E.orgPorts[org]}`;
