/**
 * Authorization for every tenant page, route handler and server action: the session must belong to the
 * tenant in the URL, and admin areas need the `admin` role in that tenant. A member refused an admin area
 * writes an `access.denied` audit event in their own tenant's log; a user of *another* tenant is logged to
 * the operator log (pino) only, so no tenant's audit trail ever shows a stranger's identity, address or browser. Pages use the `*Page` forms (they render Next's 404/403 or redirect to
 * sign-in); route handlers and server actions use `authorizeTenant`, which returns a result to map.
 */
import 'server-only';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { requestContextOf, type RequestContext } from '@/lib/http/request-context';
import { countNotFound } from '@/lib/tenants/find-public-tenant';
import { getLog } from '@/lib/log';
import { getCachedTenantBySlug } from '@/lib/tenants/tenant-cache';
import type { Tenant } from '@/lib/tenants/tenant';
import { getCurrentSession } from './current-session';
import type { SessionView } from './session-store';

export type TenantRole = 'member' | 'admin';

export type TenantAuthorization =
  | { ok: true; tenant: Tenant; session: SessionView; context: RequestContext }
  | { ok: false; status: 401 | 403 | 404; code: 'signed_out' | 'other_tenant' | 'not_admin' | 'unknown_tenant'; tenant?: Tenant; context: RequestContext };

/** Checks the current session against tenant `slug` and `role`; writes the audit event on a refusal. */
export async function authorizeTenant(slug: string, role: TenantRole, action: string): Promise<TenantAuthorization> {
  const context = requestContextOf(await headers());
  const tenant = await getCachedTenantBySlug(slug);
  // Unknown, draft and suspended tenants look the same from outside (their sessions are gone or not live yet).
  if (!tenant || tenant.status !== 'active') {
    await countNotFound(context);
    return { ok: false, status: 404, code: 'unknown_tenant', context };
  }
  const session = await getCurrentSession();
  if (!session) return { ok: false, status: 401, code: 'signed_out', tenant, context };
  const refusal =
    session.tenant.id !== tenant.id ? ('other_tenant' as const) : role === 'admin' && session.user.role !== 'admin' ? ('not_admin' as const) : null;
  if (refusal === 'other_tenant') {
    getLog().warn(
      { requestId: context.requestId, action, tenant: tenant.slug, sessionTenant: session.tenant.slug, userId: session.user.id, ip: context.ip, userAgent: context.userAgent },
      'access denied: session of another tenant',
    );
    // Another tenant's user learns nothing about this tenant's admin area.
    return { ok: false, status: role === 'admin' ? 404 : 403, code: refusal, tenant, context };
  }
  if (refusal) {
    await recordAuditEvent(getDb(), {
      ...context,
      type: 'access.denied',
      tenantId: tenant.id,
      actorUserId: session.user.id,
      code: refusal,
      details: { action, sessionTenant: session.tenant.slug, role: session.user.role },
    });
    return { ok: false, status: 403, code: refusal, tenant, context };
  }
  return { ok: true, tenant, session, context };
}

/** For pages: the tenant and session, or Next's 404/403 page, or a redirect to sign in. */
export async function requireTenantPage(slug: string, role: TenantRole, action: string) {
  const result = await authorizeTenant(slug, role, action);
  if (result.ok) return result;
  if (result.status === 404) notFound();
  if (result.status === 401) redirect(`/api/auth/signin?tenant=${encodeURIComponent(slug)}`);
  forbidden();
}
