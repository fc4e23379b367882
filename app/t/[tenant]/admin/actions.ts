'use server';
/**
 * Server actions of the tenant admin area. Each is bound to the tenant slug of its page and goes through
 * `runAdminAction`: session of that tenant with the admin role (else 404/403 + audit event, nothing
 * changed), zod-parsed form, one audit event per change (lib/tenants, lib/admin). Next checks each action's
 * Origin (CSRF).
 */
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
  oktaOrgDomain: oktaOrgDomainSchema.optional(),
});

export async function updateConnectionAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'update connection settings', connectionSchema, form, async (input, { tenant, context }) => {
    const { issuer: issuerInput, clientId, ...settings } = input;
    const method = tenant.clientAuthMethod === 'private_key_jwt' ? undefined : settings.clientAuthMethod;
    await updateTenant(tenant.slug, { ...settings, clientAuthMethod: method }, context);
    // A changed issuer or client ID is not trusted yet: it waits as the pending connection until a test sign-in
    // through it succeeds; the live connection keeps working meanwhile.
    const pending = tenant.pendingConnection ?? tenant;
    if (issuerInput === pending.issuer && clientId === pending.clientId) return 'Saved.';
    let issuer = issuerInput;
    if (issuerInput !== tenant.issuer) {
      const check = await checkConnection(issuerInput);
      if (!check.ok) throw new AdminError(check.message);
      issuer = check.issuer;
    }
    if (issuer === pending.issuer && clientId === pending.clientId) return 'Saved.';
    const updated = await setPendingConnection(tenant.slug, { issuer, clientId }, context);
    return updated.pendingConnection
      ? 'Saved. The new issuer and client ID are pending: run a test sign-in through them to put them in use.'
      : 'Saved. The pending change was withdrawn; the connection in use is unchanged.';
  });
}

export async function discardPendingConnectionAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'discard pending connection', none, form, async (_input, { tenant, context }) => {
    await discardPendingConnection(tenant.slug, context);
    return 'The pending connection was discarded.';
  });
}

const domainsSchema = z.object({
  domains: z.string().max(5000).transform((s) => s.split(/[\s,]+/).filter(Boolean)).pipe(z.array(emailDomainSchema).max(50)),
});

export async function updateDomainsAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'update email domains', domainsSchema, form, async ({ domains }, { tenant, context }) => {
    const updated = await updateTenant(tenant.slug, { emailDomains: [...new Set(domains)] }, context);
    const unverified = updated.emailDomains.filter((d) => !updated.verifiedEmailDomains.includes(d));
    return unverified.length
      ? `Saved. ${unverified.join(', ')} route sign-ins only once verified: create the DNS record shown below, then check it.`
      : 'Saved.';
  });
}

const checkDomainSchema = z.object({ domain: emailDomainSchema });

export async function checkDomainAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'check email domain', checkDomainSchema, form, async ({ domain }, { tenant, context }) => {
    const result = await checkEmailDomain(tenant.id, domain, context);
    if (result.verified) return `${domain} is verified: people who type an email of this domain are sent to your Okta.`;
    throw new AdminError(DOMAIN_CHECK_MESSAGES[result.code](domain));
  });
}

const DOMAIN_CHECK_MESSAGES: Record<DomainCheck['code'], (domain: string) => string> = {
  record_missing: (d) => `No verification record found for ${d} yet. DNS changes can take a while to appear; check again later.`,
  wrong_value: (d) => `The TXT record of ${d} does not hold this organization's value. Copy the value exactly as shown.`,
  dns_error: (d) => `DNS did not answer for ${d}. Try again in a moment.`,
  taken: (d) => `${d} is already verified by another organization here. Contact support if it is yours.`,
  verified: (d) => `${d} is verified.`,
  approved: (d) => `${d} was approved by the operator.`,
};

const secretSchema = z.object({ clientSecret: z.string().trim().min(8, 'paste the whole secret from Okta').max(1000) });

export async function addSecretAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'add client secret', secretSchema, form, async ({ clientSecret }, { tenant, context }) => {
    await addNextSecret(tenant.slug, clientSecret, context);
    return 'New secret saved. Sign-in now works with either secret: deactivate the old one in Okta, then finish the rotation.';
  });
}

export async function promoteSecretAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'finish client secret rotation', none, form, async (_input, { tenant, context }) => {
    await promoteNextSecret(tenant.slug, context);
    return 'Rotation finished: only the new secret is used now.';
  });
}

export async function discardSecretAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'discard new client secret', none, form, async (_input, { tenant, context }) => {
    await discardNextSecret(tenant.slug, context);
    return 'The new secret was discarded.';
  });
}

export async function addKeyAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'add signing key', none, form, async (_input, { tenant, context }) => {
    await addNextKey(tenant.slug, context);
    return 'New key created and published at the JWKS URL. Make sure Okta has it, then activate it.';
  });
}

export async function activateKeyAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'activate signing key', none, form, async (_input, { tenant, context }) => {
    await activateNextKey(tenant.slug, context);
    return 'The new key signs from now on; the old one is retired.';
  });
}

export async function discardKeyAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'discard signing key', none, form, async (_input, { tenant, context }) => {
    await discardNextKey(tenant.slug, context);
    return 'The new key was discarded.';
  });
}

const userStatusSchema = z.object({ userId: z.string().uuid(), status: z.enum(['active', 'deactivated']) });

export async function setUserStatusAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'change user status', userStatusSchema, form, async ({ userId, status }, { tenant, context }) => {
    const user = await changeUser(tenant.id, userId, { status }, context);
    return `${user.email ?? user.sub} is ${status === 'active' ? 'active again' : 'deactivated'}.`;
  });
}

const userRoleSchema = z.object({ userId: z.string().uuid(), role: z.enum(['member', 'admin']) });

export async function setUserRoleAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'change admin role', userRoleSchema, form, async ({ userId, role }, { tenant, context }) => {
    const user = await changeUser(tenant.id, userId, { role }, context);
    return `${user.email ?? user.sub} is ${role === 'admin' ? 'now an administrator' : 'no longer an administrator'}.`;
  });
}

export async function recheckConnectionAction(slug: string, _: FormState, form: FormData): Promise<FormState> {
  return runAdminAction(slug, 'check connection', none, form, async (_input, { tenant, context }) => {
    const result = await recheckConnection({ tenant }, context);
    if (!result.ok) throw new AdminError(result.message);
    return result.message ?? 'The connection works.';
  });
}
