/**
 * Key rotation's second half: re-encrypts every sealed value (SEALED_COLUMNS) under the first key of
 * `DATA_ENCRYPTION_KEY`, so an old key can then be removed. Each value is decrypted with whichever
 * configured key sealed it and written back only if the row still holds the value read (compare-and-swap:
 * safe while the app runs; a value changed meanwhile was sealed by the app with the first key anyway).
 * A value that does not decrypt is counted and left as it is. Operator-only (the CLI); one audit event.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SEALED_COLUMNS, type SealedColumn } from './sealed-columns';
import { decryptSecret, encryptSecret, type EncryptionKey } from './secret-box';

export type ColumnReport = { column: string; total: number; rekeyed: number; alreadyCurrent: number; changedMeanwhile: number; failed: number };

export type RekeyReport = {
  activeKid: string;
  columns: ColumnReport[];
  /** After the run: how many sealed values each key id still holds (only the active one, when all went well). */
  remainingByKid: Record<string, number>;
  /** `column id` of each value that did not decrypt (never the value). */
  failures: string[];
};

const PAGE = 200;

export const kidOf = (sealed: string) => sealed.split('.')[1] ?? '?';

async function rekeyColumn(db: PrismaClient, column: SealedColumn, keys: readonly EncryptionKey[], failures: string[]): Promise<ColumnReport> {
  const report: ColumnReport = { column: column.name, total: 0, rekeyed: 0, alreadyCurrent: 0, changedMeanwhile: 0, failed: 0 };
  let afterId: string | null = null;
  for (;;) {
    const page = await column.list(db, afterId, PAGE);
    for (const value of page) {
      report.total++;
      if (kidOf(value.sealed) === keys[0]!.kid) {
        report.alreadyCurrent++;
        continue;
      }
      let plain: string;
      try {
        plain = decryptSecret(value.sealed, keys, value.aad);
      } catch {
        report.failed++;
        failures.push(`${column.name} ${value.id}`);
        continue;
      }
      const swapped = await column.replace(db, value.id, value.sealed, encryptSecret(plain, keys, value.aad));
      if (swapped) report.rekeyed++;
      else report.changedMeanwhile++;
    }
    if (page.length < PAGE) return report;
    afterId = page.at(-1)!.id;
  }
}

/** Counts sealed values per key id, over every sealed column. */
export async function countSealedByKid(db: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const column of SEALED_COLUMNS) {
    let afterId: string | null = null;
    for (;;) {
      const page = await column.list(db, afterId, 1000);
      for (const v of page) counts[kidOf(v.sealed)] = (counts[kidOf(v.sealed)] ?? 0) + 1;
      if (page.length < 1000) break;
      afterId = page.at(-1)!.id;
    }
  }
  return counts;
}

export async function rekeySealedValues(
  db: PrismaClient,
  keys: readonly EncryptionKey[],
  context: AuditContext & { actor: string },
): Promise<RekeyReport> {
  if (!keys[0]) throw new Error('No encryption key configured (DATA_ENCRYPTION_KEY)');
  const failures: string[] = [];
  const columns: ColumnReport[] = [];
  for (const column of SEALED_COLUMNS) columns.push(await rekeyColumn(db, column, keys, failures));
  const remainingByKid = await countSealedByKid(db);
  const { actor, ...audit } = context;
  await recordAuditEvent(db, {
    ...audit,
    type: 'data.rekeyed',
    details: { actor, activeKid: keys[0].kid, columns, remainingByKid, failed: failures.length },
  });
  return { activeKid: keys[0].kid, columns, remainingByKid, failures };
}
