/**
 * App sessions in the database, so every instance sees the same ones and a revoked session dies at once.
 * The browser holds a random 256-bit token; the row holds only its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openIdToken, sealIdToken } from './id-token-at-rest';
import type { SignInFlow } from './sign-in-transaction';

export type SessionView = {
  id: string;
  flow: string;
  createdAt: Date;
  expiresAt: Date;
  tenant: { id: string; slug: string; displayName: string; issuer: string; status: string };
  user: { id: string; sub: string; email: string | null; name: string | null; role: 'member' | 'admin'; status: 'active' | 'deactivated' };
};

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session inside the caller's transaction; returns the cookie token (shown nowhere else). */
export async function createSession(
  tx: Prisma.TransactionClient,
  input: { tenantId: string; userId: string; flow: SignInFlow; idToken: string; ttlHours: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashSessionToken(token);
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await tx.session.create({
    data: {
      tokenHash,
      tenantId: input.tenantId,
      userId: input.userId,
      flow: input.flow,
      idTokenCipher: sealIdToken(input.idToken, { kind: 'session', tokenHash }),
      expiresAt,
      ip: input.ip?.slice(0, 64) ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, expiresAt };
}

const select = {
  id: true, flow: true, createdAt: true, expiresAt: true,
  tenant: { select: { id: true, slug: true, displayName: true, issuer: true, status: true } },
  user: { select: { id: true, sub: true, email: true, name: true, role: true, status: true } },
} as const;

type SessionRow = {
  id: string; flow: string; createdAt: Date; expiresAt: Date;
  tenantId: string; slug: string; displayName: string; issuer: string; tenantStatus: string;
  userId: string; sub: string; email: string | null; name: string | null; role: 'member' | 'admin'; userStatus: 'active' | 'deactivated';
};

/**
 * The live session for a cookie token, or null (unknown, expired, its tenant not active, or its user
 * deactivated). One query: the session joined with its user and tenant, by the token's hash (unique index),
 * always from the database — never a cache — so an ended session, a suspension or a deactivation counts at once.
 */
export async function getSessionByToken(token: string | undefined): Promise<SessionView | null> {
  if (!token || token.length > 100) return null;
  const [row] = await getDb().$queryRaw<SessionRow[]>`
    SELECT s."id", s."flow", s."createdAt", s."expiresAt",
           t."id" AS "tenantId", t."slug", t."displayName", t."issuer", t."status"::text AS "tenantStatus",
           u."id" AS "userId", u."sub", u."email", u."name", u."role"::text AS "role", u."status"::text AS "userStatus"
    FROM "Session" s JOIN "Tenant" t ON t."id" = s."tenantId" JOIN "User" u ON u."id" = s."userId"
    WHERE s."tokenHash" = ${hashSessionToken(token)}`;
  if (!row || row.expiresAt <= new Date() || row.tenantStatus !== 'active' || row.userStatus !== 'active') return null;
  return {
    id: row.id, flow: row.flow, createdAt: row.createdAt, expiresAt: row.expiresAt,
    tenant: { id: row.tenantId, slug: row.slug, displayName: row.displayName, issuer: row.issuer, status: row.tenantStatus },
    user: { id: row.userId, sub: row.sub, email: row.email, name: row.name, role: row.role, status: row.userStatus },
  };
}

/**
 * Ends the session for a cookie token; returns what logout at the IdP needs, or null if there was none.
 * `idToken` is null when the stored one does not open (a session from before it was sealed, a key gone).
 */
export async function deleteSessionByToken(token: string | undefined): Promise<(SessionView & { idToken: string | null }) | null> {
  if (!token || token.length > 100) return null;
  const db = getDb();
  const tokenHash = hashSessionToken(token);
  const row = await db.session.findUnique({ where: { tokenHash }, select: { ...select, idTokenCipher: true } });
  if (!row) return null;
  await db.session.deleteMany({ where: { id: row.id } });
  const { idTokenCipher, ...view } = row;
  let idToken: string | null = null;
  try {
    idToken = idTokenCipher ? openIdToken(idTokenCipher, { kind: 'session', tokenHash }) : null;
  } catch {
    idToken = null;
  }
  return { ...view, idToken };
}
