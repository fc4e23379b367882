/**
 * Encryption at rest for client secrets and private keys: AES-256-GCM, a fresh 96-bit IV per value, and
 * the key id in the output so keys can rotate (the first configured key encrypts; every configured key
 * decrypts). Format: `v1.<kid>.<iv b64url>.<ciphertext b64url>.<tag b64url>`.
 *
 * `aad` binds a ciphertext to its owner (e.g. the tenant id), so a value copied to another row won't decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type EncryptionKey = { kid: string; key: Buffer };

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

export function encryptSecret(plaintext: string, keys: readonly EncryptionKey[], aad: string): string {
  const active = keys[0];
  if (!active) throw new SecretBoxError('No encryption key configured');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', active.key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', active.kid, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string, keys: readonly EncryptionKey[], aad: string): string {
  const [version, kid, iv, ciphertext, tag, extra] = sealed.split('.');
  if (version !== 'v1' || !kid || !iv || ciphertext === undefined || !tag || extra !== undefined) {
    throw new SecretBoxError('Malformed encrypted value');
  }
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new SecretBoxError('Malformed encrypted value');
  const key = keys.find((k) => k.kid === kid);
  if (!key) throw new SecretBoxError(`Encryption key "${kid}" is not configured (DATA_ENCRYPTION_KEY)`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, ivBytes, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('Encrypted value failed authentication (wrong key or tampered)');
  }
}

/** True when a stored value is sealed with a key other than the active one (candidate for re-encryption). */
export function needsReencryption(sealed: string, keys: readonly EncryptionKey[]): boolean {
  return sealed.split('.')[1] !== keys[0]?.kid;
}
