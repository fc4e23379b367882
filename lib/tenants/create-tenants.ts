/**
 * Creates many tenants in one transaction (the bulk path of `importTenants`): one insert for the tenants,
 * one for their email domains, one read back, one insert for their audit events — the same rows and the same
 * `tenant.created` events as `createTenant` would write one by one. Tenants that use `private_key_jwt` or DPoP
 * need a key each and go through `createTenant`. What the operator imports counts as proven (connection) and
 * approved (email domains), as in `createTenant`. The caller has verified every issuer and authorized the actor.
 * Any failure (a taken slug, domain or client id) rolls the whole batch back; the caller then creates the
 * batch one by one to name the tenant at fault.
 */
import { randomUUID } from 'node:crypto';
import { redact, type AuditContext } from '@/lib/audit/record-audit-event';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { Prisma } from '@/lib/generated/prisma/client';
import { auditView, type CreateTenantInput } from './create-tenant';
import { assertClaimableDomains, newDomainVerificationToken } from './email-domains';
import { provenFields } from './prove-connection';
import { selectTenants } from './select-tenants';
import { TenantError } from './tenant-error';

export async function createTenants(inputs: CreateTenantInput[], context: AuditContext & { actor: string; operator?: boolean }): Promise<void> {
  if (inputs.length === 0) return;
  const keys = getEnv().DATA_ENCRYPTION_KEY;
  const rows = inputs.map((input) => {
    if (input.clientAuthMethod === 'private_key_jwt') throw new TenantError('invalid', 'batch_private_key_jwt', { slug: input.slug });
    if (input.requireDpop) throw new TenantError('invalid', 'batch_dpop', { slug: input.slug });
    if (!input.clientSecret) throw new TenantError('secret_required', 'batch_secret_required', { slug: input.slug, method: input.clientAuthMethod });
    assertClaimableDomains(input.emailDomains);
    const id = randomUUID();
    return { id, input, cipher: encryptSecret(input.clientSecret, keys, id) };
  });
  const { actor, operator, ...audit } = context;
  await getDb().$transaction(async (tx) => {
    await tx.tenant.createMany({
      data: rows.map(({ id, input, cipher }) => ({
        id,
        slug: input.slug,
        displayName: input.displayName,
        status: input.status,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecretCipher: cipher,
        clientAuthMethod: input.clientAuthMethod,
        scopes: input.scopes,
        loginInitiatedBy: input.loginInitiatedBy,
        tileLoginFlow: input.tileLoginFlow,
        oktaOrgDomain: input.oktaOrgDomain ?? null,
        domainVerificationToken: newDomainVerificationToken(),
        ...(operator ? provenFields({ issuer: input.issuer, clientId: input.clientId }, 'operator') : {}),
      })),
    });
    const approved = operator ? { verifiedAt: new Date(), verifiedBy: 'operator' } : null;
    const domains = rows.flatMap(({ id, input }) =>
      input.emailDomains.map((domain) => ({ domain, tenantId: id, ...(approved ? { verifiedDomain: domain, ...approved } : {}) })),
    );
    if (domains.length) await tx.tenantEmailDomain.createMany({ data: domains });
    const created = await selectTenants(Prisma.sql`t."id" = ANY(${rows.map((r) => r.id)}::uuid[])`, null, tx);
    await tx.auditEvent.createMany({
      data: created.map((row) => ({
        type: 'tenant.created',
        tenantId: row.id,
        actorUserId: null,
        requestId: audit.requestId ?? null,
        ip: audit.ip?.slice(0, 64) ?? null,
        userAgent: audit.userAgent?.slice(0, 512) ?? null,
        details: redact({ actor, after: auditView(row) }) as Prisma.InputJsonValue,
      })),
    });
    // A batch is a few statements but many rows: Prisma's 5 s default is too tight on a busy server.
  }, { maxWait: 10_000, timeout: 60_000 });
}
