/**
 * Test helper, run as its own process (`tsx --conditions=react-server`): takes `attempts` points from the
 * tenant's `signin.start.tenant` limit on the shared database (DATABASE_URL) and prints how many were
 * allowed (after `ready` and a line on stdin) — the integration tests start several of these to see that app instances share one limit.
 */
import { closeDb } from '@/lib/db/client';
import { countAgainstLimit, getRateLimitUse } from '@/lib/rate-limit/consume';

const [tenantId, attempts] = [process.argv[2]!, Number(process.argv[3])];
const context = { requestId: `worker-${process.pid}`, ip: '192.0.2.1', userAgent: 'consume-worker' };
const tenant = { id: tenantId, displayName: 'worker' };
// Connect first, say so, then wait for the test's go (a line on stdin), so that all workers really overlap.
await getRateLimitUse('signin.start.tenant', { tenant });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
let allowed = 0;
// One after another, as one instance's requests mostly are; the other worker runs at the same time.
for (let i = 0; i < attempts; i++) {
  const state = await countAgainstLimit('signin.start.tenant', { tenant }, context);
  if (state.allowed) allowed += 1;
}
process.stdout.write(`${JSON.stringify({ allowed })}\n`);
await closeDb();
