/**
 * The signed-in session of the current request, for server components, route handlers and server
 * actions. Tenant pages authorize through lib/auth/tenant-guard.ts, never with this alone.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { sessionCookie } from './cookies';
import { getSessionByToken, type SessionView } from './session-store';

export async function getCurrentSession(): Promise<SessionView | null> {
  const store = await cookies();
  return getSessionByToken(store.get(sessionCookie().name)?.value);
}
