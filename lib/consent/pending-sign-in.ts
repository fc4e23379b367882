/**
 * Pending sign-ins: a verified sign-in parked on the consent page. Short-lived (10 minutes), single use,
 * bound to the browser that holds a random token in an HttpOnly cookie; the row keeps only its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { openIdToken, sealIdToken } from '@/lib/auth/id-token-at-rest';
import type { SignInFlow } from '@/lib/auth/sign-in-transaction';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';

export const PENDING_SIGN_IN_TTL_SECONDS = 600;

export const hashPendingToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type PendingSignInView = {
  id: string;
  tokenHash: string;
  tenantId: string;
  sub: string;
  claims: IdTokenClaims;
  idToken: string;
  flow: SignInFlow;
  returnTo: string | null;
  expiresAt: Date;
};

/** Stores a pending sign-in inside the caller's transaction; returns the browser's token (shown nowhere else). */
export async function createPendingSignIn(
  tx: Prisma.TransactionClient,
  input: { tenantId: string; claims: IdTokenClaims; idToken: string; flow: string; returnTo: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = new Date(now + PENDING_SIGN_IN_TTL_SECONDS * 1000);
  // Expired rows are useless: purge them as we go (indexed).
  await tx.pendingSignIn.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  const tokenHash = hashPendingToken(token);
  await tx.pendingSignIn.create({
    data: {
      tokenHash,
      tenantId: input.tenantId,
      sub: input.claims.sub,
      claims: input.claims as unknown as Prisma.InputJsonValue,
      idToken: sealIdToken(input.idToken, { kind: 'pending', tokenHash }),
      flow: input.flow,
      returnTo: input.returnTo,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** The pending sign-in for a cookie token, expired or not (the caller decides), or null. */
export async function getPendingSignInByToken(token: string | undefined): Promise<PendingSignInView | null> {
  if (!token || token.length > 100) return null;
  const row = await getDb().pendingSignIn.findUnique({ where: { tokenHash: hashPendingToken(token) } });
  if (!row) return null;
  return {
    id: row.id, tokenHash: row.tokenHash, tenantId: row.tenantId, sub: row.sub, claims: row.claims as unknown as IdTokenClaims,
    idToken: openIdToken(row.idToken, { kind: 'pending', tokenHash: row.tokenHash }), flow: row.flow as SignInFlow, returnTo: row.returnTo, expiresAt: row.expiresAt,
  };
}

/** Deletes the pending sign-in `id` if it is still unused and unexpired; true when this call consumed it. */
export async function consumePendingSignIn(tx: Prisma.TransactionClient, id: string, tenantId: string): Promise<boolean> {
  const { count } = await tx.pendingSignIn.deleteMany({ where: { id, tenantId, expiresAt: { gt: new Date() } } });
  return count === 1;
}
