import { describe, expect, it } from 'vitest';
import { clientIpOf } from './request-context';

describe('clientIpOf', () => {
  it.each([
    [null, 1, null],
    ['203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9, 10.0.0.2', 2, '203.0.113.9'],
    ['203.0.113.9', 3, '203.0.113.9'],
  ])('takes the trusted entry of %s with %i proxy hop(s)', (header, hops, ip) => {
    expect(clientIpOf(header, hops)).toBe(ip);
  });
});
