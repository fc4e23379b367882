/**
 * The signed-in session of the current request, for server components and route handlers. Every tenant
 * page passes its tenant to `requireTenantSession`, which refuses a session of any other tenant.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { sessionCookie } from './cookies';
import { getSessionByToken, type SessionView } from './session-store';

export async function getCurrentSession(): Promise<SessionView | null> {
  const store = await cookies();
  return getSessionByToken(store.get(sessionCookie().name)?.value);
}

export type TenantAccess =
  | { status: 'ok'; session: SessionView }
  | { status: 'signed_out' }
  | { status: 'other_tenant'; session: SessionView };

/** Whether the current session may see tenant `tenantId`. The caller renders or redirects accordingly. */
export async function checkTenantAccess(tenantId: string): Promise<TenantAccess> {
  const session = await getCurrentSession();
  if (!session) return { status: 'signed_out' };
  if (session.tenant.id !== tenantId) return { status: 'other_tenant', session };
  return { status: 'ok', session };
}
