/**
 * Creates a tenant. The caller has verified the issuer (`verifyIssuer`) and authorized the actor (operator
 * CLI; later the onboarding wizard). The secret is encrypted with the tenant id as associated data; the
 * audit event records the configuration without it.
 */
import { randomUUID } from 'node:crypto';
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { selectTenants } from './select-tenants';
import type { Tenant } from './tenant';
import { assertClaimableDomains, newDomainVerificationToken } from './email-domains';
import { assertConnectionFree, provenFields } from './prove-connection';
import { createTenantKey } from './tenant-keys';
import { TenantError, rethrowUniqueViolation } from './tenant-error';
import { dpopConflict, type TenantConfig } from './tenant-schema';
import { createDpopKeyCipher } from './tenant-dpop-key';

/** `requireDpop` defaults to off (the wizard never turns it on; an admin does, later). */
export type CreateTenantInput = Omit<TenantConfig, 'clientSecretEnv' | 'requireDpop'> & { requireDpop?: boolean };

export async function createTenant(
  input: CreateTenantInput,
  context: AuditContext & { actor: string; actorUserId?: string | null; operator?: boolean },
): Promise<Tenant> {
  const usesKeys = input.clientAuthMethod === 'private_key_jwt';
  if (!usesKeys && !input.clientSecret) {
    throw new TenantError('secret_required', 'secret_required', { method: input.clientAuthMethod });
  }
  if (dpopConflict(input)) throw new TenantError('invalid', 'dpop_with_simplified');
  const id = randomUUID();
  const dpopKeyCipher = input.requireDpop ? await createDpopKeyCipher(id) : null;
  const db = getDb();
  try {
    const connection = { issuer: input.issuer, clientId: input.clientId };
    // Never someone else's proven connection (the unique index on the proven pair settles a race). The
    // operator vouches for what it registers; the wizard's draft proves its connection by a test sign-in.
    await assertConnectionFree(db, id, connection);
    assertClaimableDomains(input.emailDomains);
    const row = await db.$transaction(async (tx) => {
      await tx.tenant.create({
        data: {
          id,
          slug: input.slug,
          displayName: input.displayName,
          status: input.status,
          issuer: input.issuer,
          clientId: input.clientId,
          clientSecretCipher: input.clientSecret ? encryptSecret(input.clientSecret, getEnv().DATA_ENCRYPTION_KEY, id) : null,
          clientAuthMethod: input.clientAuthMethod,
          scopes: input.scopes,
          loginInitiatedBy: input.loginInitiatedBy,
          tileLoginFlow: input.tileLoginFlow,
          oktaOrgDomain: input.oktaOrgDomain ?? null,
          requireDpop: input.requireDpop ?? false,
          dpopKeyCipher,
          domainVerificationToken: newDomainVerificationToken(),
          ...(context.operator ? provenFields(connection, 'operator') : {}),
          emailDomains: {
            create: input.emailDomains.map((domain) => ({
              domain,
              ...(context.operator ? { verifiedDomain: domain, verifiedAt: new Date(), verifiedBy: 'operator' } : {}),
            })),
          },
        },
      });
      // private_key_jwt: the tenant's first key pair; its public half is what the admin gives Okta.
      if (usesKeys) await createTenantKey(tx, id, 'active');
      const [created] = await selectTenants(Prisma.sql`t."id" = ${id}::uuid`, 1, tx);
      if (!created) throw new Error(`Tenant ${id} vanished in its own transaction`);
      const { actor, actorUserId, ...audit } = context;
      await recordAuditEvent(tx, {
        ...audit,
        type: 'tenant.created',
        tenantId: id,
        actorUserId: actorUserId ?? null,
        details: { actor, after: auditView(created) },
      });
      return created;
    });
    return row;
  } catch (error) {
    if (error instanceof TenantError) throw error;
    rethrowUniqueViolation(error, { slug: input.slug, domains: input.emailDomains });
  }
}

/** The configuration fields an audit event records (never the secret, only whether one is set). */
export function auditView(t: Tenant) {
  return {
    slug: t.slug,
    displayName: t.displayName,
    status: t.status,
    issuer: t.issuer,
    clientId: t.clientId,
    clientAuthMethod: t.clientAuthMethod,
    hasClientSecret: t.hasClientSecret,
    // Named so that audit redaction (keys matching /secret/) keeps it: which credentials exist, never their values.
    credentials:
      t.clientAuthMethod === 'private_key_jwt'
        ? t.keys.map((k) => `key ${k.kid} (${k.status})`)
        : [...(t.hasClientSecret ? ['current client secret'] : []), ...(t.hasNextClientSecret ? ['new client secret'] : [])],
    scopes: t.scopes,
    emailDomains: t.emailDomains,
    verifiedEmailDomains: t.verifiedEmailDomains,
    connectionProven: t.connectionProven,
    pendingConnection: t.pendingConnection ? { issuer: t.pendingConnection.issuer, clientId: t.pendingConnection.clientId } : null,
    loginInitiatedBy: t.loginInitiatedBy,
    tileLoginFlow: t.tileLoginFlow,
    oktaOrgDomain: t.oktaOrgDomain,
    requireDpop: t.requireDpop,
  };
}
