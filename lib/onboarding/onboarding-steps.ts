/**
 * The wizard's server-side steps. Each takes the onboarding of the calling browser (already resolved from its
 * cookie by the server action, which is the authorization), validates the input, changes what it must, and
 * returns a result the form shows. Configuration changes go through lib/tenants (one audit event each).
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { createTenant } from '@/lib/tenants/create-tenant';
import { TenantError } from '@/lib/tenants/tenant-error';
import { createTenantKey } from '@/lib/tenants/tenant-keys';
import { changeTenant, updateTenant } from '@/lib/tenants/update-tenant';
import { translatorFor } from '@/lib/i18n/translator';
import type { Locale } from '@/lib/i18n/locales';
import { checkConnection } from './check-connection';
import { connectionInput, fieldErrorsOf, organizationInput, tileSettings } from './onboarding-schemas';
import type { Onboarding } from './onboarding-state';

/** A step's answer: `message` is always set on failure; `fieldErrors` names the fields to fix, when there are any. */
export type StepResult =
  | { ok: true; message?: string }
  | { ok: false; message: string; code?: string; fieldErrors?: Record<string, string> };

const invalid = (fieldErrors: Record<string, string>, code = 'invalid'): StepResult => ({
  ok: false, message: Object.values(fieldErrors)[0] ?? code, code, fieldErrors,
});

const actorOf = (o: Onboarding) => `invitation:${o.invitationId}`;

export async function saveOrganization(o: Onboarding, raw: Record<string, unknown>, context: AuditContext, locale: Locale = 'en'): Promise<StepResult> {
  const t = translatorFor(locale, 'onboarding');
  const parsed = organizationInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, locale, raw));
  const { displayName, slug } = parsed.data;
  const db = getDb();
  const taken =
    (await db.tenant.count({ where: { slug, ...(o.tenant ? { id: { not: o.tenant.id } } : {}) } })) > 0 ||
    (await db.tenantInvitation.count({ where: { slug, id: { not: o.invitationId }, completedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })) > 0;
  if (taken) return invalid({ slug: t('errors.slugTaken', { slug }) }, 'slug_taken');
  if (o.tenant) {
    await updateTenant(o.tenant.slug, { displayName, slug }, { ...context, actor: actorOf(o) });
  }
  await db.tenantInvitation.update({ where: { id: o.invitationId }, data: { displayName, slug } });
  return { ok: true };
}

/** Step 3 and 4 in one go: the connection is checked (discovery) before anything is saved. */
export async function saveConnection(o: Onboarding, raw: Record<string, unknown>, context: AuditContext, locale: Locale = 'en'): Promise<StepResult> {
  const t = translatorFor(locale, 'onboarding');
  if (!o.slug || !o.displayName) return { ok: false, message: t('errors.organizationFirst') };
  const parsed = connectionInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, locale, raw));
  const input = parsed.data;
  const usesSecret = input.clientAuthMethod !== 'private_key_jwt';
  const hasSecret = Boolean(o.tenant?.hasClientSecret) && o.tenant?.clientAuthMethod !== 'private_key_jwt';
  if (usesSecret && !input.clientSecret && !hasSecret) return invalid({ clientSecret: t('errors.secretRequired') }, 'secret_required');

  // A discovery failure is about what was typed as the issuer: it is shown under that field.
  const check = await checkConnection(input.issuer, locale);
  if (!check.ok) {
    if (o.tenant) await noteCheck(o.tenant.id, check.code);
    return invalid({ issuer: check.message }, check.code);
  }
  const values = {
    issuer: check.issuer,
    clientId: input.clientId,
    clientAuthMethod: input.clientAuthMethod,
    clientSecret: usesSecret ? input.clientSecret : undefined,
    ...tileSettings(input.tile),
  };
  const ctx = { ...context, actor: actorOf(o) };
  try {
    let tenantId: string;
    if (o.tenant) {
      const t = await updateTenant(o.tenant.slug, values, ctx);
      tenantId = t.id;
      if (t.issuer !== o.tenant.issuer || t.clientId !== o.tenant.clientId) {
        // A changed connection is unproven again: the test sign-in must be run through it before activation.
        await getDb().tenantInvitation.update({ where: { id: o.invitationId }, data: { testedAt: null, testClaims: Prisma.DbNull } });
      }
      if (!usesSecret && t.keys.length === 0) {
        await changeTenant(t.slug, 'tenant.key_added', ctx, async (tx) => {
          await createTenantKey(tx, t.id, 'active');
          return {};
        });
      }
    } else {
      const t = await createTenant(
        { ...values, slug: o.slug, displayName: o.displayName, status: 'draft', scopes: ['openid', 'profile', 'email'], emailDomains: [] },
        ctx,
      );
      tenantId = t.id;
      await getDb().tenantInvitation.update({ where: { id: o.invitationId }, data: { tenantId } });
    }
    await noteCheck(tenantId, null);
    return { ok: true };
  } catch (error) {
    if (error instanceof TenantError) {
      if (error.code === 'client_taken') return invalid({ clientId: t('errors.clientTaken') }, error.code);
      if (error.code === 'slug_taken') return { ok: false, message: t('errors.slugTaken', { slug: o.slug }), code: error.code };
      return { ok: false, message: translatorFor(locale, 'tenantErrors')(error.reason, error.params), code: error.code };
    }
    throw error;
  }
}

/** Step 4's "Check again": re-runs discovery for the saved issuer and records the outcome (one audit event). */
export async function recheckConnection(
  o: Onboarding | { tenant: NonNullable<Onboarding['tenant']> },
  context: AuditContext & { actor: string; actorUserId?: string | null },
  locale: Locale = 'en',
): Promise<StepResult> {
  const t = translatorFor(locale, 'onboarding');
  const tenant = o.tenant;
  if (!tenant) return { ok: false, message: t('errors.connectFirst') };
  const check = await checkConnection(tenant.issuer, locale);
  const code = check.ok ? null : check.code;
  await noteCheck(tenant.id, code);
  const { actor, actorUserId, ...audit } = context;
  await recordAuditEvent(getDb(), {
    ...audit,
    type: 'tenant.connection_checked',
    tenantId: tenant.id,
    actorUserId: actorUserId ?? null,
    code,
    details: { actor, issuer: tenant.issuer, result: check.ok ? 'ok' : check.code },
  });
  return check.ok ? { ok: true, message: t('errors.checkOk') } : { ok: false, message: check.message, code: check.code };
}

async function noteCheck(tenantId: string, code: string | null) {
  await getDb().tenant.update({ where: { id: tenantId }, data: { lastDiscoveryCheckAt: new Date(), lastDiscoveryCheckCode: code } });
}

/**
 * Step 6: the tenant goes live; the invitation is complete. Needs a passed check and a test sign-in; email
 * domains are optional (an unverified one simply does not route yet).
 */
export async function activateTenant(o: Onboarding, context: AuditContext, locale: Locale = 'en'): Promise<StepResult> {
  const t = translatorFor(locale, 'onboarding');
  if (!o.tenant || o.frontier !== 'activate' || !o.testedAt || !o.tenant.connectionProven) {
    return { ok: false, message: t('errors.testFirst') };
  }
  const admins = await getDb().user.count({ where: { tenantId: o.tenant.id, role: 'admin', status: 'active' } });
  if (admins === 0) return { ok: false, message: t('errors.noAdmin') };
  try {
    await changeTenant(o.tenant.slug, 'tenant.activated', { ...context, actor: actorOf(o) }, async (tx, t) => {
      if (t.status !== 'draft') return null;
      await tx.tenant.update({ where: { id: t.id }, data: { status: 'active' } });
      await tx.tenantInvitation.update({ where: { id: o.invitationId }, data: { completedAt: new Date() } });
      return { invitationId: o.invitationId };
    }, 'not_draft');
  } catch (error) {
    if (error instanceof TenantError && error.reason === 'not_draft') return { ok: false, message: t('errors.notDraft'), code: error.reason };
    throw error;
  }
  return { ok: true };
}
