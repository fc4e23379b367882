import { checkReadiness } from '@/lib/operations/check-readiness';

/**
 * Readiness for load balancers: 200 when the database answers and every migration is applied, else 503 with
 * a reason code (`database_unreachable`, `migrations_pending`, `shutting_down`). Unauthenticated, not rate
 * limited, never cached.
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { 'cache-control': 'no-store' };
  return readiness.ready
    ? Response.json({ status: 'ready' }, { headers })
    : Response.json({ status: 'not_ready', reason: readiness.reason }, { status: 503, headers });
}
