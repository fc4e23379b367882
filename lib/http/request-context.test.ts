import { describe, expect, it } from 'vitest';
import { clientIpOf, parseIp } from './request-context';

const CIDRS: [string, number][] = [['10.0.0.0', 8], ['2001:db8::', 32]];

describe('clientIpOf', () => {
  it.each([
    [null, 1, null],
    ['203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9, 10.0.0.2', 2, '203.0.113.9'],
    ['203.0.113.9', 3, '203.0.113.9'],
    ['::ffff:198.51.100.7', 1, '198.51.100.7'],
    ['2001:DB8:0:0::1', 1, '2001:db8::1'],
  ])('takes the trusted entry of %s with %i proxy hop(s)', (header, hops, ip) => {
    expect(clientIpOf(header, hops)).toBe(ip);
  });

  it.each([
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example")',
    '203.0.113.9:443',
    '127.1',
    '2130706433',
    '0x7f.0.0.1',
    'fe80::1%eth0',
    'unknown',
    '999.1.1.1',
    '<script>alert(1)</script>',
  ])('never takes a forged or invalid value: %s', (forged) => {
    expect(clientIpOf(forged, 1)).toBeNull();
    expect(clientIpOf(`203.0.113.9, ${forged}`, 2)).toBeNull();
  });

  it('ignores whatever the client wrote left of the trusted hops', () => {
    expect(clientIpOf("@SUM(1+1)*cmd|' /C calc'!A0, 203.0.113.9", 1)).toBe('203.0.113.9');
  });

  it.each([
    // Our proxies (in the CIDRs) are skipped; the first address outside them is the client.
    ['203.0.113.9, 10.0.0.2', '203.0.113.9'],
    ['203.0.113.9, 10.1.1.1, 10.0.0.2', '203.0.113.9'],
    // A hop outside the trusted ranges is the client, even with hops to spare: it could have forged the rest.
    ['6.6.6.6, 198.51.100.1', '198.51.100.1'],
    ['6.6.6.6, 198.51.100.1, 10.0.0.2', '198.51.100.1'],
    ['2001:db8::5, 2001:db8::6', '2001:db8::5'],
    ['garbage, 10.0.0.2', null],
  ])('with TRUSTED_PROXY_CIDRS, %s gives %s', (header, ip) => {
    expect(clientIpOf(header, 5, CIDRS)).toBe(ip);
  });

  it('parses IPs strictly', () => {
    expect(parseIp(' 192.0.2.1 ')).toBe('192.0.2.1');
    expect(parseIp('192.0.2')).toBeNull();
    expect(parseIp('')).toBeNull();
  });
});
