/**
 * Changes a tenant's configuration; a new client secret replaces the stored one. Writes exactly one audit
 * event with before/after (the secret appears only as `hasClientSecret` and `clientSecretChanged`). The
 * caller verifies a changed issuer and authorizes the actor.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import type { AuditEventType } from '@/lib/audit/audit-event-types';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { auditView } from './create-tenant';
import { replaceEmailDomains } from './email-domains';
import { endTenantSessions } from './end-tenant-sessions';
import { assertConnectionFree, provenFields, unprovenFields } from './prove-connection';
import { selectTenants } from './select-tenants';
import type { Tenant } from './tenant';
import { forgetCachedTenants } from './tenant-cache';
import { TenantError, rethrowUniqueViolation, type TenantErrorReason } from './tenant-error';
import { dpopConflict, type TenantConfig } from './tenant-schema';
import { createDpopKeyCipher } from './tenant-dpop-key';

export type TenantPatch = Partial<Omit<TenantConfig, 'clientSecretEnv'>>;

/**
 * Who changes a tenant: the CLI (`actor: 'cli'`), the wizard, or a signed-in admin (`actorUserId`).
 * `operator: true` (CLI, import, dev seed only) is the operator's word: a changed issuer/client counts as
 * proven and listed email domains as approved.
 */
export type ChangeContext = AuditContext & { actor: string; actorUserId?: string | null; operator?: boolean };

export async function updateTenant(slug: string, patch: TenantPatch, context: ChangeContext): Promise<Tenant> {
  const { clientSecret, emailDomains, ...fields } = patch;
  try {
    return await changeTenant(slug, 'tenant.updated', context, async (tx, current) => {
      const dpop = await dpopChange(tx, current, fields);
      if (emailDomains) await replaceEmailDomains(tx, current.id, emailDomains, { approve: context.operator === true });
      const connection = { issuer: fields.issuer ?? current.issuer, clientId: fields.clientId ?? current.clientId };
      const connectionChanged = connection.issuer !== current.issuer || connection.clientId !== current.clientId;
      if (connectionChanged && !context.operator && current.status !== 'draft') {
        // An admin's change waits as a pending connection until its test sign-in (set-pending-connection.ts).
        throw new TenantError('invalid', 'live_connection_change');
      }
      if (connectionChanged) await assertConnectionFree(tx, current.id, connection);
      await tx.tenant.update({
        where: { id: current.id },
        data: {
          ...fields,
          ...(connectionChanged ? (context.operator ? provenFields(connection, 'operator') : unprovenFields) : {}),
          ...(connectionChanged && context.operator ? { pendingIssuer: null, pendingClientId: null, pendingSince: null } : {}),
          ...(clientSecret ? { clientSecretCipher: encryptSecret(clientSecret, getEnv().DATA_ENCRYPTION_KEY, current.id) } : {}),
          ...(dpop.dpopKeyCipher ? { dpopKeyCipher: dpop.dpopKeyCipher } : {}),
        },
      });
      return {
        clientSecretChanged: Boolean(clientSecret),
        ...(dpop.dpopKeyCipher ? { dpopKeyCreated: true } : {}),
        ...(connectionChanged ? { connectionProven: context.operator === true } : {}),
      };
    });
  } catch (error) {
    if (error instanceof TenantError) throw error;
    rethrowUniqueViolation(error, { slug: patch.slug ?? slug, domains: patch.emailDomains });
  }
}

/**
 * Refuses a change that would leave DPoP on with the Okta Simplified tile flow (whichever of the two the
 * patch changes), and makes the tenant's DPoP key the first time DPoP is turned on.
 */
async function dpopChange(
  tx: Prisma.TransactionClient,
  current: Tenant,
  patch: Pick<TenantPatch, 'requireDpop' | 'tileLoginFlow'>,
): Promise<{ dpopKeyCipher?: string }> {
  const requireDpop = patch.requireDpop ?? current.requireDpop;
  if (dpopConflict({ requireDpop, tileLoginFlow: patch.tileLoginFlow ?? current.tileLoginFlow })) throw new TenantError('invalid', 'dpop_with_simplified');
  if (!requireDpop) return {};
  const row = await tx.tenant.findUniqueOrThrow({ where: { id: current.id }, select: { dpopKeyCipher: true } });
  return row.dpopKeyCipher ? {} : { dpopKeyCipher: await createDpopKeyCipher(current.id) };
}

/**
 * The one way a tenant's configuration changes: runs `mutate` in a transaction and writes exactly one audit
 * event of `type` with the tenant's audit view before and after, plus what `mutate` returns (never a secret:
 * values under secret-looking keys are redacted anyway). `mutate` returning `null` means "nothing to do":
 * no event, and `TenantError('invalid', noChange)` is thrown.
 */
export async function changeTenant(
  slug: string,
  type: AuditEventType,
  context: ChangeContext,
  mutate: (tx: Prisma.TransactionClient, current: Tenant) => Promise<Record<string, unknown> | null>,
  noChange: TenantErrorReason = 'nothing_to_change',
): Promise<Tenant> {
  const row = await getDb().$transaction(async (tx) => {
    const [current] = await selectTenants(Prisma.sql`t."slug" = ${slug}`, 1, tx);
    if (!current) throw new TenantError('not_found', 'tenant_not_found', { slug });
    const extra = await mutate(tx, current);
    if (extra === null) throw new TenantError('invalid', noChange);
    const [updated] = await selectTenants(Prisma.sql`t."id" = ${current.id}::uuid`, 1, tx);
    if (!updated) throw new TenantError('not_found', 'tenant_not_found', { slug });
    // Leaving `active` (suspension) ends every session and waiting sign-in at once, in this transaction, so
    // nothing of it comes back on reactivation.
    if (current.status === 'active' && updated.status !== 'active') Object.assign(extra, await endTenantSessions(tx, current.id));
    const { actor, actorUserId, ...audit } = context;
    await recordAuditEvent(tx, {
      ...audit,
      type,
      tenantId: current.id,
      actorUserId: actorUserId ?? null,
      details: { actor, before: auditView(current), after: auditView(updated), ...extra },
    });
    return updated;
  });
  forgetCachedTenants();
  return row;
}
