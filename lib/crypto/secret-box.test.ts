import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, needsReencryption } from './secret-box';

const k1 = { kid: 'k1', key: randomBytes(32) };
const k2 = { kid: 'k2', key: randomBytes(32) };

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = encryptSecret('s3cret-value', [k1], 'tenant-a');
    expect(sealed).not.toContain('s3cret');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(decryptSecret(sealed, [k1], 'tenant-a')).toBe('s3cret-value');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('x', [k1], 'a')).not.toBe(encryptSecret('x', [k1], 'a'));
  });

  it('decrypts with an older key after rotation and flags re-encryption', () => {
    const sealed = encryptSecret('old', [k1], 'a');
    expect(decryptSecret(sealed, [k2, k1], 'a')).toBe('old');
    expect(needsReencryption(sealed, [k2, k1])).toBe(true);
  });

  it.each([
    ['another owner (aad)', (s: string) => s, 'tenant-b', [k1]],
    ['a tampered ciphertext', (s: string) => s.replace(/\.([^.]+)\.([^.]+)$/, (_m, c: string, t: string) => `.${c.slice(0, -2)}AA.${t}`), 'tenant-a', [k1]],
    ['an unknown key id', (s: string) => s, 'tenant-a', [k2]],
    ['a malformed value', () => 'v1.k1.abc', 'tenant-a', [k1]],
    ['a truncated tag', (s: string) => s.replace(/\.([^.]+)$/, (_m, t: string) => `.${t.slice(0, 6)}`), 'tenant-a', [k1]],
  ])('refuses %s', (_name, mutate, aad, keys) => {
    const sealed = mutate(encryptSecret('value', [k1], 'tenant-a'));
    expect(() => decryptSecret(sealed, keys, aad)).toThrow();
  });
});
