/**
 * The signed-in session of the current request, for server components, route handlers and server
 * actions. Tenant pages authorize through lib/auth/tenant-guard.ts, never with this alone.
 * Looked up once per request (React `cache`): the app shell's header and the page's guard share the one query.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { sessionCookie } from './cookies';
import { getSessionByToken, type SessionView } from './session-store';

export const getCurrentSession = cache(async (): Promise<SessionView | null> => {
  const store = await cookies();
  return getSessionByToken(store.get(sessionCookie().name)?.value);
});
