/**
 * rate-limiter-flexible's `RateLimiterPrisma` with its counter update in one statement. The library's
 * Prisma store sends two per consume (delete the expired row, then upsert); this sends the atomic upsert
 * its `RateLimiterPostgres` store uses — an expired row starts a new window, a live one is incremented in
 * the database, so concurrent consumes from every instance are all counted — through the app's Prisma
 * client, so it runs on PostgreSQL and on the embedded PGlite alike. Reads, deletes and the hourly sweep
 * of old rows stay the library's.
 */
import { RateLimiterPrisma } from 'rate-limiter-flexible';

type Row = { points: number; expire: Date | null };
type RawClient = { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> };

export class AtomicRateLimiterPrisma extends RateLimiterPrisma {
  // The library's store hook (RateLimiterStoreAbstract calls it for consume, penalty, reward and set).
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const db = (this as unknown as { prismaClient: RawClient }).prismaClient;
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    // "RateLimiterFlexible" is the model's table (prisma/schema.prisma); the key is its primary key.
    const rows = forceExpire
      ? db.$queryRaw<Row[]>`
          INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
          ON CONFLICT ("key") DO UPDATE SET "points" = EXCLUDED."points", "expire" = EXCLUDED."expire"
          RETURNING "points", "expire"`
      : db.$queryRaw<Row[]>`
          INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
          ON CONFLICT ("key") DO UPDATE SET
            "points" = CASE WHEN "RateLimiterFlexible"."expire" <= ${now} THEN EXCLUDED."points"
                            ELSE "RateLimiterFlexible"."points" + EXCLUDED."points" END,
            "expire" = CASE WHEN "RateLimiterFlexible"."expire" <= ${now} THEN EXCLUDED."expire"
                            ELSE "RateLimiterFlexible"."expire" END
          RETURNING "points", "expire"`;
    return rows.then((found) => found[0]!);
  }
}
