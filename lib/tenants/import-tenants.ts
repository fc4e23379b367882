/**
 * Creates or updates tenants from the JSON format (`okta-oin-saas/tenants@1`), matched by slug. Before
 * anything is written the whole file is checked: every entry parses, no slug appears twice, every secret
 * named by `clientSecretEnv` is set, and each distinct issuer is verified through discovery once (a few at a
 * time). Then tenants are written a batch at a time: the batch's new tenants in one transaction
 * (`createTenants`), updates several in parallel, each in its own transaction (`updateTenant`); every tenant
 * gets its own audit event. A secret comes from `clientSecret` or the environment
 * variable named by `clientSecretEnv`, and an existing tenant keeps its secret when neither is given; for an
 * existing tenant only the fields the file names change. A write that fails stops the import, naming the
 * tenant; the tenants written before it stay imported.
 */
import type { AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import { parseIssuerInput } from '@/lib/oidc/discovery';
import { createTenant } from './create-tenant';
import { createTenants } from './create-tenants';
import { TenantError } from './tenant-error';
import { tenantFileSchema } from './tenant-schema';
import { updateTenant } from './update-tenant';
import { verifyIssuer, type VerifiedIssuer } from './verify-issuer';

export type ImportResult = { slug: string; action: 'created' | 'updated' }[];

/** Discovery requests in flight at once (one per distinct issuer). */
const DISCOVERY_CONCURRENCY = 4;
/** Tenants written per batch, and transactions in flight at once within a batch. */
const BATCH_SIZE = 500;
const WRITE_CONCURRENCY = 6;

export async function importTenants(
  json: unknown,
  context: AuditContext & { actor: string; operator?: boolean },
  secretSource: (name: string) => string | undefined,
): Promise<ImportResult> {
  const parsed = tenantFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TenantError('invalid', 'import_file_invalid', { path: issue.path.join('.') || '(root)', issue: issue.message });
  }
  const raw = (json as { tenants: Array<Record<string, unknown>> }).tenants;
  const seen = new Set<string>();
  const entries = parsed.data.tenants.map((entry, index) => {
    if (seen.has(entry.slug)) throw new TenantError('invalid', 'import_entry_twice', { slug: entry.slug });
    seen.add(entry.slug);
    const { clientSecretEnv, ...config } = entry;
    const secret = config.clientSecret ?? (clientSecretEnv ? secretSource(clientSecretEnv) : undefined);
    if (clientSecretEnv && !secret) {
      throw new TenantError('secret_required', 'import_secret_env_missing', { slug: entry.slug, variable: clientSecretEnv });
    }
    return { config, secret, named: new Set(Object.keys(raw[index]!)) };
  });

  const verified = await verifyIssuers(entries.map((e) => e.config.issuer));
  const results: ImportResult = [];
  for (let start = 0; start < entries.length; start += BATCH_SIZE) {
    const batch = entries
      .slice(start, start + BATCH_SIZE)
      .map((e) => ({ ...e, values: { ...e.config, issuer: verified.get(e.config.issuer)!.issuer, clientSecret: e.secret } }));
    const existing = await existingSlugs(batch.map((e) => e.config.slug));
    const creates = batch.filter((e) => !existing.has(e.config.slug));
    const oneAtATime = (e: (typeof creates)[number]) => e.values.clientAuthMethod === 'private_key_jwt' || e.values.requireDpop === true;
    const bulk = creates.filter((e) => !oneAtATime(e));
    // New tenants in one transaction; if it fails, one by one below, which names the tenant at fault.
    const bulkDone = await createTenants(bulk.map((e) => e.values), context).then(
      () => true,
      (error: unknown) => {
        if ((error as { code?: string })?.code === 'P2002') return false; // a taken slug, domain or client id
        throw error;
      },
    );
    const oneByOne = batch.filter((e) => existing.has(e.config.slug) || !bulkDone || oneAtATime(e));
    await mapBounded(oneByOne, WRITE_CONCURRENCY, ({ config, secret, named, values }) =>
      writeOne(config.slug, async () => {
        if (existing.has(config.slug)) {
          // An update changes only the fields the file names: schema defaults must not reset the rest.
          const patch = Object.fromEntries(Object.entries(values).filter(([key]) => named.has(key) || key === 'issuer'));
          await updateTenant(config.slug, { ...patch, clientSecret: secret }, context);
        } else {
          await createTenant(values, context);
        }
      }),
    );
    results.push(...batch.map((e) => ({ slug: e.config.slug, action: existing.has(e.config.slug) ? ('updated' as const) : ('created' as const) })));
  }
  return results;
}

/** Names the tenant in a failure that does not already. */
async function writeOne<R>(slug: string, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof TenantError && !error.message.includes(slug)) throw new TenantError(error.code, 'import_entry_failed', { slug, message: error.message });
    throw error;
  }
}

/** One discovery (and JWKS check) per distinct issuer, `DISCOVERY_CONCURRENCY` at a time; keyed by the input. */
async function verifyIssuers(inputs: string[]): Promise<Map<string, VerifiedIssuer>> {
  const byCandidate = new Map<string, string[]>();
  for (const input of new Set(inputs)) {
    const candidate = parseIssuerInput(input);
    byCandidate.set(candidate, [...(byCandidate.get(candidate) ?? []), input]);
  }
  const verified = new Map<string, VerifiedIssuer>();
  await mapBounded([...byCandidate], DISCOVERY_CONCURRENCY, async ([candidate, originals]) => {
    const issuer = await verifyIssuer(candidate);
    for (const original of originals) verified.set(original, issuer);
  });
  return verified;
}

async function existingSlugs(slugs: string[]): Promise<Set<string>> {
  const rows = await getDb().tenant.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  return new Set(rows.map((r) => r.slug));
}

/**
 * Runs `work` over `items` with at most `limit` in flight, results in input order. On the first failure no
 * new item starts; the ones in flight finish, then the first error is thrown.
 */
export async function mapBounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
