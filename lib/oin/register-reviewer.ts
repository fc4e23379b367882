/**
 * The account Okta's OIN reviewers use. This app has no local passwords: a user is (tenant, iss, sub) and
 * signs in through the tenant's Okta. So the operator creates the reviewer's user in the Okta org a review
 * tenant is connected to (e.g. isvtest@okta.com), assigns it to the app there, and registers its Okta user id
 * here: the user row exists before the first sign-in, with the admin role, and just-in-time provisioning then
 * finds it by (tenant, iss, sub) — never by email. `removeReviewer` ends the access after the review.
 * Authorization: operators only (the tenant CLI).
 */
import { z } from 'zod';
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import { TenantError } from '@/lib/tenants/tenant-error';

export const reviewerInputSchema = z.object({
  slug: z.string().min(1),
  /** The reviewer's Okta user id in the tenant's org (Okta: `00u…`), which is the `sub` of their ID tokens. */
  sub: z.string().regex(/^[A-Za-z0-9._~-]{1,255}$/, 'must be the Okta user id (e.g. 00u1a2b3c4d5e6f7g8h9)'),
  /** Shown in the admin pages until the first sign-in brings the email Okta asserts. */
  email: z.string().email().max(320).optional(),
});

export type ReviewerInput = z.input<typeof reviewerInputSchema>;
export type ReviewerResult = { tenant: string; issuer: string; userId: string; sub: string; created: boolean };

async function activeTenant(slug: string) {
  const tenant = await getTenantBySlug(slug);
  if (!tenant) throw new TenantError('not_found', 'tenant_not_found', { slug });
  if (tenant.status !== 'active') throw new TenantError('invalid', 'reviewer_tenant_inactive', { slug, status: tenant.status });
  return tenant;
}

/** Makes the Okta user `sub` an active administrator of tenant `slug` (creating the user row when new). */
export async function registerReviewer(input: ReviewerInput, context: AuditContext & { actor: string }): Promise<ReviewerResult> {
  const { slug, sub, email } = reviewerInputSchema.parse(input);
  const tenant = await activeTenant(slug);
  return getDb().$transaction(async (tx) => {
    const key = { tenantId_issuer_sub: { tenantId: tenant.id, issuer: tenant.issuer, sub } };
    const existing = await tx.user.findUnique({ where: key, select: { id: true } });
    const user = await tx.user.upsert({
      where: key,
      create: { tenantId: tenant.id, issuer: tenant.issuer, sub, email: email ?? null, role: 'admin', status: 'active' },
      update: { role: 'admin', status: 'active' },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      ...context,
      type: 'admin.granted',
      tenantId: tenant.id,
      details: { userId: user.id, sub, reviewer: true, by: context.actor },
    });
    return { tenant: tenant.slug, issuer: tenant.issuer, userId: user.id, sub, created: !existing };
  });
}

/** Deactivates the reviewer's user in tenant `slug` and ends their sessions at once. */
export async function removeReviewer(input: { slug: string; sub: string }, context: AuditContext & { actor: string }): Promise<{ sessionsEnded: number }> {
  const tenant = await activeTenant(input.slug);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { tenantId_issuer_sub: { tenantId: tenant.id, issuer: tenant.issuer, sub: input.sub } },
      select: { id: true },
    });
    if (!user) throw new TenantError('not_found', 'user_not_found', { sub: input.sub, slug: tenant.slug });
    await tx.user.update({ where: { id: user.id }, data: { status: 'deactivated', role: 'member' } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      ...context,
      type: 'user.deactivated',
      tenantId: tenant.id,
      details: { userId: user.id, sub: input.sub, reviewer: true, sessionsEnded: count, by: context.actor },
    });
    return { sessionsEnded: count };
  });
}
