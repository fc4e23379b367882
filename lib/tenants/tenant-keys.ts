/**
 * private_key_jwt key pairs of a tenant: RSA 2048 keys made here, the private half encrypted at rest
 * (AES-256-GCM, tenant id and `kid` as associated data) and only ever imported in memory to sign a client
 * assertion. The public halves of the `active` and `next` keys form the tenant's JWKS, which Okta reads.
 * Callers authorize; changes that an admin makes go through `changeTenant` (one audit event each).
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importPKCS8, exportPKCS8, type JWK } from 'jose';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';

export const CLIENT_ASSERTION_ALG = 'RS256';

export type PublicJwk = JWK & { kid: string; kty: 'RSA'; alg: 'RS256'; use: 'sig' };

/** Makes a key pair for `tenantId` inside the caller's transaction; returns its public JWK. */
export async function createTenantKey(
  tx: Prisma.TransactionClient,
  tenantId: string,
  status: 'active' | 'next',
): Promise<PublicJwk> {
  const { publicKey, privateKey } = await generateKeyPair(CLIENT_ASSERTION_ALG, { modulusLength: 2048, extractable: true });
  const kid = `${new Date().toISOString().slice(0, 10)}-${randomBytes(6).toString('base64url')}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: CLIENT_ASSERTION_ALG, use: 'sig' } as PublicJwk;
  const pkcs8 = await exportPKCS8(privateKey);
  await tx.tenantKey.create({
    data: {
      tenantId,
      kid,
      publicJwk: publicJwk as Prisma.InputJsonValue,
      privateKeyCipher: encryptSecret(pkcs8, getEnv().DATA_ENCRYPTION_KEY, `tenant-key:${tenantId}:${kid}`),
      status,
      activatedAt: status === 'active' ? new Date() : null,
    },
  });
  return publicJwk;
}

/** The public keys Okta may see (active and next), for the JWKS URL and the admin pages. */
export async function getPublicJwks(tenantId: string): Promise<{ keys: PublicJwk[] }> {
  const rows = await getDb().tenantKey.findMany({
    where: { tenantId, status: { in: ['active', 'next'] } },
    select: { publicJwk: true },
    orderBy: { createdAt: 'asc' },
  });
  return { keys: rows.map((r) => r.publicJwk as PublicJwk) };
}

/** Signing keys for the token request, active first then next (server-side sign-in code only). */
export async function getSigningKeys(tenantId: string): Promise<{ kid: string; privateKey: CryptoKey }[]> {
  const rows = await getDb().tenantKey.findMany({
    where: { tenantId, status: { in: ['active', 'next'] } },
    select: { kid: true, privateKeyCipher: true, status: true },
  });
  rows.sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1));
  const keys = getEnv().DATA_ENCRYPTION_KEY;
  return Promise.all(
    rows.map(async (r) => ({
      kid: r.kid,
      privateKey: await importPKCS8(decryptSecret(r.privateKeyCipher, keys, `tenant-key:${tenantId}:${r.kid}`), CLIENT_ASSERTION_ALG),
    })),
  );
}

/** Key rotation steps inside `changeTenant`: add a next key, make it active (the old one retires), drop it. */
export const keyRotation = {
  async addNext(tx: Prisma.TransactionClient, tenantId: string) {
    if (await tx.tenantKey.count({ where: { tenantId, status: 'next' } })) return false;
    await createTenantKey(tx, tenantId, 'next');
    return true;
  },
  async activateNext(tx: Prisma.TransactionClient, tenantId: string) {
    const next = await tx.tenantKey.findFirst({ where: { tenantId, status: 'next' } });
    if (!next) return false;
    await tx.tenantKey.updateMany({ where: { tenantId, status: 'active' }, data: { status: 'retired', retiredAt: new Date() } });
    await tx.tenantKey.update({ where: { id: next.id }, data: { status: 'active', activatedAt: new Date() } });
    return true;
  },
  async discardNext(tx: Prisma.TransactionClient, tenantId: string) {
    const { count } = await tx.tenantKey.updateMany({ where: { tenantId, status: 'next' }, data: { status: 'retired', retiredAt: new Date() } });
    return count > 0;
  },
};
