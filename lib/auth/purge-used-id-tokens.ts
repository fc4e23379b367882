/**
 * The replay store's upkeep: `UsedIdToken` rows whose token can no longer pass validation are deleted in
 * the background, in batches, every {@link PURGE_INTERVAL_MS} — never on a sign-in's path. A row is kept
 * until its `expiresAt` (the token's `exp` plus the clock skew, set when it was recorded) plus one more
 * clock skew, so a token is refused as replayed for as long as `exp` would still let it through on any
 * instance. Started once per server process (instrumentation.ts); several instances may each run it.
 */
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { getLog } from '@/lib/log';

export const PURGE_INTERVAL_MS = 5 * 60_000;
/** Rows deleted per statement, so one purge never holds a long lock or a large transaction. */
export const PURGE_BATCH = 5_000;
/** Batches per run at most; what is left waits for the next run. */
const MAX_BATCHES = 20;

let timer: NodeJS.Timeout | undefined;

/**
 * Deletes the expired rows (at most `maxBatches` × {@link PURGE_BATCH}); returns how many went.
 * Rows whose `expiresAt` is later than `now` minus the clock skew stay.
 */
export async function purgeUsedIdTokens(now = new Date(), maxBatches = MAX_BATCHES): Promise<number> {
  const before = new Date(now.getTime() - getEnv().CLOCK_SKEW_SECONDS * 1000);
  let purged = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await getDb().$executeRaw`
      DELETE FROM "UsedIdToken" WHERE ("issuer", "jti") IN (
        SELECT "issuer", "jti" FROM "UsedIdToken" WHERE "expiresAt" < ${before} LIMIT ${PURGE_BATCH})`;
    purged += count;
    if (count < PURGE_BATCH) break;
  }
  return purged;
}

/** Starts the periodic purge (idempotent). The first run is one interval after start. */
export function scheduleUsedIdTokenPurge(): void {
  if (timer) return;
  timer = setInterval(() => {
    purgeUsedIdTokens()
      .then((purged) => purged && getLog().info({ purged }, 'expired ID-token uses purged'))
      .catch((error: unknown) => getLog().error({ err: error }, 'ID-token use purge failed'));
  }, PURGE_INTERVAL_MS);
  timer.unref();
}
