/**
 * Proof of a connection: a successful test sign-in through (issuer, client id) — the wizard's, or the admin
 * connection page's for a pending change — or the operator's word through the CLI. Only a proven connection
 * of an active tenant takes part in issuer resolution (`getActiveProvenConnectionsForIssuer`). A proven
 * (issuer, client id) belongs to one tenant: the unique index on (`provenIssuer`, `provenClientId`) holds it,
 * and an unproven claim on someone else's connection never blocks its owner.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { TenantError } from './tenant-error';

export type Connection = { issuer: string; clientId: string };
export type ProofKind = 'test_sign_in' | 'operator';

/** Fields that make `connection` the tenant's live, proven connection (for a `tenant.update`). */
export function provenFields(connection: Connection, by: ProofKind) {
  return {
    issuer: connection.issuer,
    clientId: connection.clientId,
    provenIssuer: connection.issuer,
    provenClientId: connection.clientId,
    connectionProvenAt: new Date(),
    connectionProvenBy: by,
  };
}

/** Fields that leave the connection unproven (a draft changed it in the wizard). */
export const unprovenFields = { provenIssuer: null, provenClientId: null, connectionProvenAt: null, connectionProvenBy: null } as const;

/** Throws `client_taken` when another tenant has proven this (issuer, client id). */
export async function assertConnectionFree(tx: Prisma.TransactionClient | PrismaClient, tenantId: string, connection: Connection): Promise<void> {
  const owner = await tx.tenant.findUnique({
    where: { provenIssuer_provenClientId: { provenIssuer: connection.issuer, provenClientId: connection.clientId } },
    select: { id: true },
  });
  if (owner && owner.id !== tenantId) {
    throw new TenantError('client_taken', 'client_in_use');
  }
}

/**
 * Inside the transaction of a successful test sign-in through `connection`: makes it the tenant's live, proven
 * connection (a pending change replaces the old one only now) and writes `tenant.connection_proven`.
 * Throws `client_taken` when another tenant proved it first.
 */
export async function proveConnection(
  tx: Prisma.TransactionClient,
  input: { tenantId: string; connection: Connection; actorUserId: string | null; by: ProofKind; context?: AuditContext },
): Promise<void> {
  const { tenantId, connection } = input;
  await assertConnectionFree(tx, tenantId, connection);
  const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { issuer: true, clientId: true, pendingIssuer: true } });
  await tx.tenant.update({
    where: { id: tenantId },
    data: { ...provenFields(connection, input.by), pendingIssuer: null, pendingClientId: null, pendingSince: null },
  });
  await recordAuditEvent(tx, {
    ...input.context,
    type: 'tenant.connection_proven',
    tenantId,
    actorUserId: input.actorUserId,
    details: {
      by: input.by,
      before: { issuer: before.issuer, clientId: before.clientId },
      after: connection,
      replacedPending: before.pendingIssuer !== null,
    },
  });
}
