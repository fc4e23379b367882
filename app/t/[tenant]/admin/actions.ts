'use server';
/**
 * Server actions of the tenant admin area. Each is bound to the tenant slug of its page and goes through
 * `runAdminAction`: session of that tenant with the admin role (else 404/403 + audit event, nothing
 * changed), zod-parsed form, one audit event per change (lib/tenants, lib/admin). Next checks each action's
 * Origin (CSRF).
 */
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import type { FormState } from '@/app/_components/action-form';
import { AdminError } from '@/lib/admin/admin-error';
import { runAdminAction } from '@/lib/admin/admin-action';
import { changeUser } from '@/lib/admin/manage-users';
import { checkConnection } from '@/lib/onboarding/check-connection';
import { recheckConnection } from '@/lib/onboarding/onboarding-steps';
import {
  activateNextKey, addNextKey, addNextSecret, discardNextKey, discardNextSecret, promoteNextSecret,
} from '@/lib/tenants/rotate-client-credentials';
import { emailDomainSchema, loginInitiatedBySchema, oktaOrgDomainSchema, scopesSchema, tileLoginFlowSchema } from '@/lib/tenants/tenant-schema';
import { checkEmailDomain, type DomainCheck } from '@/lib/tenants/check-email-domain';
import { discardPendingConnection, setPendingConnection } from '@/lib/tenants/pending-connection';
import { updateTenant } from '@/lib/tenants/update-tenant';

const list = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const none = z.object({}).passthrough();

const connectionSchema = z.object({
  displayName: z.string().trim().min(1).max(64),
  issuer: z.string().trim().min(1).max(1024),
  clientId: z.string().trim().min(1).max(200),
  clientAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
  scopes: list.pipe(scopesSchema),
  loginInitiatedBy: loginInitiatedBySchema,
  tileLoginFlow: tileLoginFlowSchema,
  // Checked in the action, so that its error names the rule in the admin's language.
  oktaOrgDomain: z.string().max(253).optional(),
});

export async function updateConnectionAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'update connection settings', connectionSchema, form, async (input, { tenant, context, t }) => {
    const { issuer: issuerInput, clientId, oktaOrgDomain: orgDomainInput, ...settings } = input;
    const orgDomain = orgDomainInput === undefined ? undefined : oktaOrgDomainSchema.safeParse(orgDomainInput);
    if (orgDomain && !orgDomain.success) throw new AdminError(t('validation.oktaOrgDomain'), { field: 'oktaOrgDomain' });
    const method = tenant.clientAuthMethod === 'private_key_jwt' ? undefined : settings.clientAuthMethod;
    await updateTenant(tenant.slug, { ...settings, oktaOrgDomain: orgDomain?.data, clientAuthMethod: method }, context);
    // A changed issuer or client ID is not trusted yet: it waits as the pending connection until a test sign-in
    // through it succeeds; the live connection keeps working meanwhile.
    const pending = tenant.pendingConnection ?? tenant;
    if (issuerInput === pending.issuer && clientId === pending.clientId) return t('saved');
    let issuer = issuerInput;
    if (issuerInput !== tenant.issuer) {
      const check = await checkConnection(issuerInput, await getLocale());
      if (!check.ok) throw new AdminError(check.message, { field: 'issuer' });
      issuer = check.issuer;
    }
    if (issuer === pending.issuer && clientId === pending.clientId) return t('saved');
    const updated = await setPendingConnection(tenant.slug, { issuer, clientId }, context);
    return updated.pendingConnection
      ? t('connectionPending')
      : t('connectionPendingWithdrawn');
  });
}

export async function discardPendingConnectionAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'discard pending connection', none, form, async (_input, { tenant, context, t }) => {
    await discardPendingConnection(tenant.slug, context);
    return t('pendingDiscarded');
  });
}

// Each domain is checked in the action, so that the error names the domain in the admin's language.
const domainsSchema = z.object({
  domains: z.string().max(5000).transform((s) => s.split(/[\s,]+/).filter(Boolean)).pipe(z.array(z.string().max(300)).max(50)),
});

export async function updateDomainsAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'update email domains', domainsSchema, form, async (input, { tenant, context, t }) => {
    const domains: string[] = [];
    for (const raw of input.domains) {
      const domain = emailDomainSchema.safeParse(raw);
      if (!domain.success) throw new AdminError(t('validation.domain', { domain: raw }), { field: 'domains' });
      domains.push(domain.data);
    }
    const updated = await updateTenant(tenant.slug, { emailDomains: [...new Set(domains)] }, context);
    const unverified = updated.emailDomains.filter((d) => !updated.verifiedEmailDomains.includes(d));
    return unverified.length ? t('domainsUnverified', { domains: unverified.join(', ') }) : t('saved');
  });
}

const checkDomainSchema = z.object({ domain: emailDomainSchema });

export async function checkDomainAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'check email domain', checkDomainSchema, form, async ({ domain }, { tenant, context, t }) => {
    const result: DomainCheck = await checkEmailDomain(tenant.id, domain, context);
    if (result.verified) return t('domainVerified', { domain });
    throw new AdminError(t(`domainCheck.${result.code}`, { domain }));
  });
}

const secretSchema = z.object({ clientSecret: z.string().trim().min(8).max(1000) });

export async function addSecretAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'add client secret', secretSchema, form, async ({ clientSecret }, { tenant, context, t }) => {
    await addNextSecret(tenant.slug, clientSecret, context);
    return t('secretAdded');
  });
}

export async function promoteSecretAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'finish client secret rotation', none, form, async (_input, { tenant, context, t }) => {
    await promoteNextSecret(tenant.slug, context);
    return t('secretPromoted');
  });
}

export async function discardSecretAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'discard new client secret', none, form, async (_input, { tenant, context, t }) => {
    await discardNextSecret(tenant.slug, context);
    return t('secretDiscarded');
  });
}

export async function addKeyAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'add signing key', none, form, async (_input, { tenant, context, t }) => {
    await addNextKey(tenant.slug, context);
    return t('keyAdded');
  });
}

export async function activateKeyAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'activate signing key', none, form, async (_input, { tenant, context, t }) => {
    await activateNextKey(tenant.slug, context);
    return t('keyActivated');
  });
}

export async function discardKeyAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'discard signing key', none, form, async (_input, { tenant, context, t }) => {
    await discardNextKey(tenant.slug, context);
    return t('keyDiscarded');
  });
}

const userStatusSchema = z.object({ userId: z.string().uuid(), status: z.enum(['active', 'deactivated']) });

export async function setUserStatusAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'change user status', userStatusSchema, form, async ({ userId, status }, { tenant, context, t }) => {
    const user = await changeUser(tenant.id, userId, { status }, context);
    return t(status === 'active' ? 'userReactivated' : 'userDeactivated', { user: user.email ?? user.sub });
  });
}

const userRoleSchema = z.object({ userId: z.string().uuid(), role: z.enum(['member', 'admin']) });

export async function setUserRoleAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'change admin role', userRoleSchema, form, async ({ userId, role }, { tenant, context, t }) => {
    const user = await changeUser(tenant.id, userId, { role }, context);
    return t(role === 'admin' ? 'adminGranted' : 'adminRevoked', { user: user.email ?? user.sub });
  });
}

export async function recheckConnectionAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'check connection', none, form, async (_input, { tenant, context, t }) => {
    const result = await recheckConnection({ tenant }, context, await getLocale());
    if (!result.ok) throw new AdminError(result.message);
    return result.message ?? t('connectionWorks');
  });
}
