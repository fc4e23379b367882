/**
 * Every database column that holds a value sealed with `encryptSecret` (lib/crypto/secret-box.ts), with the
 * associated data each value was sealed under. `npm run tenant -- rekey` walks this list, so a new sealed
 * column must be added here — otherwise its values would stay under a key the operator is about to remove.
 */
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type SealedValue = { id: string; sealed: string; aad: string };

export type SealedColumn = {
  /** `Model.column`, as reported. */
  name: string;
  /** A page of sealed values with ids after `afterId` (ascending), at most `take`. */
  list(db: Tx, afterId: string | null, take: number): Promise<SealedValue[]>;
  /** Replaces `from` with `to` only if the row still holds `from` (compare-and-swap); false when it changed meanwhile. */
  replace(db: Tx, id: string, from: string, to: string): Promise<boolean>;
};

const after = (afterId: string | null) => (afterId ? { id: { gt: afterId } } : {});

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    name: 'Tenant.clientSecretCipher',
    async list(db, afterId, take) {
      const rows = await db.tenant.findMany({
        where: { clientSecretCipher: { not: null }, ...after(afterId) }, select: { id: true, clientSecretCipher: true }, orderBy: { id: 'asc' }, take,
      });
      return rows.map((r) => ({ id: r.id, sealed: r.clientSecretCipher!, aad: r.id }));
    },
    async replace(db, id, from, to) {
      return (await db.tenant.updateMany({ where: { id, clientSecretCipher: from }, data: { clientSecretCipher: to } })).count === 1;
    },
  },
  {
    name: 'Tenant.clientSecretNextCipher',
    async list(db, afterId, take) {
      const rows = await db.tenant.findMany({
        where: { clientSecretNextCipher: { not: null }, ...after(afterId) }, select: { id: true, clientSecretNextCipher: true }, orderBy: { id: 'asc' }, take,
      });
      return rows.map((r) => ({ id: r.id, sealed: r.clientSecretNextCipher!, aad: `${r.id}:next` }));
    },
    async replace(db, id, from, to) {
      return (await db.tenant.updateMany({ where: { id, clientSecretNextCipher: from }, data: { clientSecretNextCipher: to } })).count === 1;
    },
  },
  {
    name: 'TenantKey.privateKeyCipher',
    async list(db, afterId, take) {
      const rows = await db.tenantKey.findMany({
        where: after(afterId), select: { id: true, tenantId: true, kid: true, privateKeyCipher: true }, orderBy: { id: 'asc' }, take,
      });
      return rows.map((r) => ({ id: r.id, sealed: r.privateKeyCipher, aad: `tenant-key:${r.tenantId}:${r.kid}` }));
    },
    async replace(db, id, from, to) {
      return (await db.tenantKey.updateMany({ where: { id, privateKeyCipher: from }, data: { privateKeyCipher: to } })).count === 1;
    },
  },
  {
    // ID tokens kept for Okta's logout hint (lib/auth/id-token-at-rest.ts), bound to the session's token hash.
    name: 'Session.idTokenCipher',
    async list(db, afterId, take) {
      const rows = await db.session.findMany({
        where: { idTokenCipher: { not: null }, ...after(afterId) }, select: { id: true, tokenHash: true, idTokenCipher: true }, orderBy: { id: 'asc' }, take,
      });
      return rows.map((r) => ({ id: r.id, sealed: r.idTokenCipher!, aad: `id-token:session:${r.tokenHash}` }));
    },
    async replace(db, id, from, to) {
      return (await db.session.updateMany({ where: { id, idTokenCipher: from }, data: { idTokenCipher: to } })).count === 1;
    },
  },
  {
    // ID tokens of sign-ins parked on the consent page, bound to the pending sign-in's token hash.
    name: 'PendingSignIn.idToken',
    async list(db, afterId, take) {
      const rows = await db.pendingSignIn.findMany({
        where: after(afterId), select: { id: true, tokenHash: true, idToken: true }, orderBy: { id: 'asc' }, take,
      });
      return rows.map((r) => ({ id: r.id, sealed: r.idToken, aad: `id-token:pending:${r.tokenHash}` }));
    },
    async replace(db, id, from, to) {
      return (await db.pendingSignIn.updateMany({ where: { id, idToken: from }, data: { idToken: to } })).count === 1;
    },
  },
  {
    // The tenant's DPoP key (lib/tenants/tenant-dpop-key.ts).
    name: 'Tenant.dpopKeyCipher',
    async list(db, afterId, take) {
      const rows = await db.tenant.findMany({
        where: { dpopKeyCipher: { not: null }, ...after(afterId) }, select: { id: true, dpopKeyCipher: true }, orderBy: { id: 'asc' }, take,
      });
      return rows.map((r) => ({ id: r.id, sealed: r.dpopKeyCipher!, aad: `dpop-key:${r.id}` }));
    },
    async replace(db, id, from, to) {
      return (await db.tenant.updateMany({ where: { id, dpopKeyCipher: from }, data: { dpopKeyCipher: to } })).count === 1;
    },
  },
];
