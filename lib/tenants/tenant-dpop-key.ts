/**
 * A tenant's DPoP key (RFC 9449): one ES256 key pair per tenant, made when DPoP is first turned on, the
 * private JWK encrypted at rest (AES-256-GCM, `dpop-key:<tenant id>` as associated data) like client secrets
 * and signing keys. Okta needs nothing registered for it: each proof carries the public key. Server-side
 * sign-in code only; the key never leaves the process.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { createDpopSigner, type DpopSigner } from '@/lib/oidc/code-exchange';
import type { Tenant } from './tenant';
import { TenantError } from './tenant-error';

export const DPOP_ALG = 'ES256';

const aad = (tenantId: string) => `dpop-key:${tenantId}`;

/** A fresh key for `tenantId`, as the ciphertext to store in `Tenant.dpopKeyCipher`. */
export async function createDpopKeyCipher(tenantId: string): Promise<string> {
  const { privateKey } = await generateKeyPair(DPOP_ALG, { extractable: true });
  const { kty, crv, x, y, d } = await exportJWK(privateKey);
  return encryptSecret(JSON.stringify({ kty, crv, x, y, d }), getEnv().DATA_ENCRYPTION_KEY, aad(tenantId));
}

/**
 * Signers kept per tenant (bounded): each remembers Okta's latest DPoP nonce, so only a tenant's first token
 * request after a start (or a nonce expiry) pays the `use_dpop_nonce` round trip. Replaced when the stored key changes.
 */
const signers = new Map<string, { cipher: string; signer: DpopSigner }>();
const MAX_SIGNERS = 1000;

/** The DPoP signer for the tenant's token requests, or `undefined` when the tenant does not require DPoP. */
export async function getDpopSigner(tenant: Pick<Tenant, 'id' | 'requireDpop'>): Promise<DpopSigner | undefined> {
  if (!tenant.requireDpop) return undefined;
  const row = await getDb().tenant.findUnique({ where: { id: tenant.id }, select: { dpopKeyCipher: true } });
  if (!row?.dpopKeyCipher) throw new TenantError('secret_required', 'no_dpop_key');
  const cached = signers.get(tenant.id);
  if (cached?.cipher === row.dpopKeyCipher) return cached.signer;
  const { d, ...publicJwk } = JSON.parse(decryptSecret(row.dpopKeyCipher, getEnv().DATA_ENCRYPTION_KEY, aad(tenant.id))) as JWK;
  const keyPair = {
    privateKey: (await importJWK({ ...publicJwk, d }, DPOP_ALG)) as CryptoKey,
    // Extractable: the public half goes into every proof's `jwk` header.
    publicKey: (await importJWK(publicJwk, DPOP_ALG, { extractable: true })) as CryptoKey,
  };
  const signer = createDpopSigner(keyPair);
  if (signers.size >= MAX_SIGNERS) signers.delete(signers.keys().next().value!);
  signers.set(tenant.id, { cipher: row.dpopKeyCipher, signer });
  return signer;
}
