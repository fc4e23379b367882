import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { resolvePolicies } from './policies';
import { RateLimitedError, rateLimitHeaders } from './rate-limited-error';
import { ipKey } from './subject-key';

describe('rate-limit policies', () => {
  it('applies operator overrides: a raised default lifts the ceiling, a lowered ceiling caps the default', () => {
    const p = resolvePolicies({ 'signin.start.tenant': { limit: 7000 }, 'signin.callback.tenant': { ceiling: 50 }, 'invitation.ip': { windowSeconds: 60 } });
    expect(p['signin.start.tenant']).toMatchObject({ limit: 7000, ceiling: 7000 });
    expect(p['signin.callback.tenant']).toMatchObject({ limit: 50, ceiling: 50 });
    expect(p['invitation.ip'].windowSeconds).toBe(60);
    expect(p['signin.start.ip']).toMatchObject({ limit: 120, windowSeconds: 60, keyKind: 'ip', tenantAdjustable: false });
  });

  it('refuses an unknown policy name', () => {
    expect(() => resolvePolicies({ 'signin.typo': { limit: 1 } })).toThrow(/unknown policy signin\.typo/);
  });

  it.each([
    ['not json', /must be JSON/],
    ['{"signin.start.tenant":{"limit":0}}', /RATE_LIMIT_OVERRIDES/],
    ['{"signin.start.tenant":{"points":3}}', /RATE_LIMIT_OVERRIDES/],
  ])('RATE_LIMIT_OVERRIDES=%s is a configuration error', (value, message) => {
    expect(() => parseEnv({ NODE_ENV: 'test', DATA_DIR: '/tmp/oin-env-test', RATE_LIMIT_OVERRIDES: value })).toThrow(message);
  });
});

describe('rate-limit keys and headers', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    [null, 'unknown'],
    ['not-an-ip', 'unknown'],
  ])('client %s counts as %s', (ip, key) => {
    expect(ipKey(ip)).toBe(key);
  });

  it('gives Retry-After and the IETF RateLimit fields', () => {
    const headers = rateLimitHeaders(new RateLimitedError('signin.start.tenant', 'tenant', 300, 60, 17, 'Acme'));
    expect(headers).toEqual({
      'retry-after': '17',
      'ratelimit-policy': '"signin.start.tenant";q=300;w=60',
      ratelimit: '"signin.start.tenant";r=0;t=17',
    });
  });
});
