/**
 * Liveness for load balancers and orchestrators: the process answers. Touches nothing (no database, no rate
 * limit, no session), so it stays cheap and says nothing about dependencies — that is `/api/ready`.
 */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
