import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const key = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const prod = { NODE_ENV: 'production', APP_URL: 'https://app.example.com', AUTH_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: key };

describe('parseEnv', () => {
  it('takes DNS servers as IP addresses with optional ports', () => {
    expect(parseEnv({ ...prod, DNS_SERVERS: '127.0.0.1:5353, [::1]:53,::1' }).DNS_SERVERS).toEqual(['127.0.0.1:5353', '[::1]:53', '::1']);
    expect(parseEnv(prod).DNS_SERVERS).toEqual([]);
  });

  it('accepts a complete production configuration', () => {
    const env = parseEnv(prod);
    expect(env.APP_URL).toBe('https://app.example.com');
    expect(env.DATA_ENCRYPTION_KEY).toEqual([{ kid: 'k1', key: Buffer.alloc(32, 1) }]);
    expect(env.ALLOW_INSECURE_LOCAL_ISSUERS).toBe(false);
  });

  it.each([
    ['AUTH_SECRET', { AUTH_SECRET: undefined }],
    ['AUTH_SECRET', { AUTH_SECRET: 'short' }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: undefined }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: 'k1:dG9vLXNob3J0' }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: `${key},${key}` }],
    ['APP_URL', { APP_URL: undefined }],
    ['APP_URL', { APP_URL: 'https://app.example.com/path' }],
    ['APP_URL', { APP_URL: 'ftp://app.example.com' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['PORT', { PORT: 'eighty' }],
    ['DNS_SERVERS', { DNS_SERVERS: 'dns.example' }],
    ['DNS_SERVERS', { DNS_SERVERS: '127.0.0.1:99999' }],
  ])('stops a production start on a bad %s with one line naming it', (name, change) => {
    const attempt = () => parseEnv({ ...prod, ...change });
    expect(attempt).toThrow(new RegExp(`^(Invalid|Missing) configuration: ${name} `));
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('generates development secrets once and keeps them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'env-test-'));
    const first = parseEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    const second = parseEnv({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(first.AUTH_SECRET).toBe(second.AUTH_SECRET);
    expect(first.DATA_ENCRYPTION_KEY[0]!.key.equals(second.DATA_ENCRYPTION_KEY[0]!.key)).toBe(true);
    expect(first.APP_URL).toBe('http://localhost:3000');
    expect(JSON.parse(readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8')).AUTH_SECRET).toBe(first.AUTH_SECRET);
  });
});

describe('ALLOW_INSECURE_LOCAL_ISSUERS in production', () => {
  it('is refused when the app is served on a public origin', () => {
    expect(() => parseEnv({ ...prod, ALLOW_INSECURE_LOCAL_ISSUERS: 'true' })).toThrow(/^Invalid configuration: ALLOW_INSECURE_LOCAL_ISSUERS /);
  });

  it('is allowed for a production build served on loopback (end-to-end tests)', () => {
    expect(parseEnv({ ...prod, APP_URL: 'http://localhost:3100', ALLOW_INSECURE_LOCAL_ISSUERS: 'true' }).ALLOW_INSECURE_LOCAL_ISSUERS).toBe(true);
  });
});

describe('TRUSTED_PROXY_CIDRS and TRUSTED_PROXY_HOPS', () => {
  it('default to one trusted hop and no ranges', () => {
    expect(parseEnv(prod)).toMatchObject({ TRUSTED_PROXY_HOPS: 1, TRUSTED_PROXY_CIDRS: [] });
  });

  it('take CIDRs (then up to 5 hops unless set)', () => {
    expect(parseEnv({ ...prod, TRUSTED_PROXY_CIDRS: '10.0.0.0/8, 2001:db8::/32' })).toMatchObject({
      TRUSTED_PROXY_HOPS: 5,
      TRUSTED_PROXY_CIDRS: [['10.0.0.0', 8], ['2001:db8::', 32]],
    });
    expect(parseEnv({ ...prod, TRUSTED_PROXY_CIDRS: '10.0.0.0/8', TRUSTED_PROXY_HOPS: '2' }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', 'proxy.internal/8', '10.0.0.0/8;rm'])('refuses %s with one line naming the variable', (value) => {
    expect(() => parseEnv({ ...prod, TRUSTED_PROXY_CIDRS: value })).toThrow(/^Invalid configuration: TRUSTED_PROXY_CIDRS /);
  });
});
