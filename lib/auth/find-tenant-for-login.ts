/**
 * What a person types at /login — an organization slug or a work email — to the tenant to sign in with.
 * An email also becomes the `login_hint`. Never reveals more than "found" or "not found".
 */
import type { RequestContext } from '@/lib/http/request-context';
import { gateUnknownLookups } from '@/lib/rate-limit/sign-in-gates';
import { getCachedTenantByEmailDomain, getCachedTenantBySlug } from '@/lib/tenants/tenant-cache';
import type { Tenant } from '@/lib/tenants/tenant';
import { SignInError } from './sign-in-error';

export async function findTenantForLogin(input: string, context: RequestContext): Promise<{ tenant: Tenant; loginHint: string | null }> {
  await gateUnknownLookups(context);
  const value = input.trim().toLowerCase().slice(0, 320);
  const isEmail = value.includes('@');
  const tenant = isEmail ? await getCachedTenantByEmailDomain(value) : await getCachedTenantBySlug(value);
  if (!tenant) throw new SignInError('unknown_tenant', 'No tenant for login input', { input: value.slice(0, 100) });
  return { tenant, loginHint: isEmail ? value : null };
}
