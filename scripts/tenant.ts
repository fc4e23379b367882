/**
 * Operator CLI for the tenant registry: `npm run tenant -- <command> [options]`. Run with no command for
 * help. Never prints a secret; secrets come from stdin or an environment variable, never from argv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rekeySealedValues } from '@/lib/crypto/rekey-sealed-values';
import { closeDb, getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { createTenant } from '@/lib/tenants/create-tenant';
import { exportTenants } from '@/lib/tenants/export-tenants';
import { getTenantBySlug, listTenants } from '@/lib/tenants/get-tenant';
import { importTenants } from '@/lib/tenants/import-tenants';
import { removeTenant } from '@/lib/tenants/remove-tenant';
import type { Tenant } from '@/lib/tenants/tenant';
import { TenantError } from '@/lib/tenants/tenant-error';
import { tenantConfigSchema, type TenantConfig } from '@/lib/tenants/tenant-schema';
import { updateTenant } from '@/lib/tenants/update-tenant';
import { verifyIssuer } from '@/lib/tenants/verify-issuer';
import { INVITATION_HELP, runInvitationCommand } from './tenant-invitations';
import { CONSENT_HELP, runConsentCommand } from './tenant-consent';
import { REVIEWER_HELP, runReviewerCommand } from './tenant-reviewer';
import { DOMAINS_HELP, runDomainsCommand } from './tenant-domains';

const HELP = `Usage: npm run tenant -- <command> [options]

Commands:
  add      --slug S --name N --issuer URL --client-id ID (--client-secret-stdin | --client-secret-env VAR)
           [--auth-method client_secret_basic|client_secret_post|private_key_jwt] [--scopes openid,profile,email]
           [--email-domains a.com,b.com] [--status draft|active|suspended]
           [--login-initiated-by app_only|either] [--tile-flow redirect|id_token]
           [--okta-org-domain <org>.okta.com]   (custom-domain issuer: the only other origin of Okta Simplified posts; '' clears)
           [--require-dpop true|false]   DPoP proofs in token requests (not with --tile-flow id_token)
  list     all tenants
  show     <slug>
  update   <slug> [any option of add]
  remove   <slug> --yes
  import   <file.json | ->   create or update tenants from the export format
  export   [file.json]       write every tenant (without secrets) in the import format
  rekey    re-encrypt every stored secret and private key under the first DATA_ENCRYPTION_KEY key, then
           report counts per key id; afterwards older keys can be removed from DATA_ENCRYPTION_KEY
${INVITATION_HELP}
${CONSENT_HELP}
${REVIEWER_HELP}
${DOMAINS_HELP}

Options: --json  machine-readable output.
The issuer is checked through discovery and stored exactly as the discovery document states it. What the
operator registers here is the operator's word: the issuer/client counts as proven (the Okta tile may use
it once the tenant is active) and --email-domains are approved (they route at /login). Public email domains
(gmail.com…) are refused.`;

const options = {
  slug: { type: 'string' }, name: { type: 'string' }, issuer: { type: 'string' }, 'client-id': { type: 'string' },
  'client-secret-stdin': { type: 'boolean' }, 'client-secret-env': { type: 'string' }, 'auth-method': { type: 'string' },
  scopes: { type: 'string' }, 'email-domains': { type: 'string' }, status: { type: 'string' },
  'login-initiated-by': { type: 'string' }, 'tile-flow': { type: 'string' }, 'okta-org-domain': { type: 'string' },
  'require-dpop': { type: 'string' }, json: { type: 'boolean' },
  yes: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, 'expires-days': { type: 'string' }, email: { type: 'string' },
} as const;

const context = { actor: 'cli', requestId: `cli-${process.pid}`, operator: true };

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'consent') return runConsentCommand(argv.slice(1));
  if (argv[0] === 'reviewer') return runReviewerCommand(argv.slice(1));
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, arg] = positionals;
  const out = (human: string, json: unknown) => console.log(values.json ? JSON.stringify(json, null, 2) : human);
  if (command === 'domains') return runDomainsCommand(positionals.slice(1), out, context);

  const invitationResult = command ? await runInvitationCommand(command, arg, values, out, context) : null;
  if (invitationResult !== null) return invitationResult;

  switch (command) {
    case 'add': {
      const secret = await readSecret(values);
      const config = parse({ ...fields(values), clientSecret: secret });
      const verified = await verifyIssuer(config.issuer);
      const tenant = await createTenant({ ...config, issuer: verified.issuer }, context);
      out(`Added tenant ${tenant.slug} (${tenant.status}) with issuer ${tenant.issuer}`, view(tenant));
      return 0;
    }
    case 'list': {
      const tenants = await listTenants();
      out(tenants.length ? tenants.map(line).join('\n') : 'No tenants.', tenants.map(view));
      return 0;
    }
    case 'show': {
      const tenant = await getTenantBySlug(requireArg(arg, 'show <slug>'));
      if (!tenant) throw new TenantError('not_found', 'tenant_not_found', { slug: arg ?? '' });
      out(Object.entries(view(tenant)).map(([k, v]) => `${k.padEnd(18)} ${showValue(v)}`).join('\n'), view(tenant));
      return 0;
    }
    case 'update': {
      const slug = requireArg(arg, 'update <slug>');
      const secret = values['client-secret-stdin'] || values['client-secret-env'] ? await readSecret(values) : undefined;
      const given = dropUndefined({ ...fields(values), clientSecret: secret });
      // Only the options given change: `.partial()` still fills in schema defaults (status, scopes, …), so drop those.
      const patch = Object.fromEntries(Object.entries(parsePatch(given)).filter(([key]) => key in given)) as Partial<TenantConfig>;
      if (patch.issuer) patch.issuer = (await verifyIssuer(patch.issuer)).issuer;
      const tenant = await updateTenant(slug, patch, context);
      out(`Updated tenant ${tenant.slug}`, view(tenant));
      return 0;
    }
    case 'remove': {
      const slug = requireArg(arg, 'remove <slug> --yes');
      if (!values.yes) throw new Error(`Refusing to remove "${slug}" without --yes (its users and sessions go too)`);
      await removeTenant(slug, context);
      out(`Removed tenant ${slug}`, { removed: slug });
      return 0;
    }
    case 'import': {
      const file = requireArg(arg, 'import <file.json | ->');
      const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
      const results = await importTenants(JSON.parse(text), context, (name) => process.env[name]);
      out(results.map((r) => `${r.action} ${r.slug}`).join('\n') || 'Nothing to import.', results);
      return 0;
    }
    case 'export': {
      const data = JSON.stringify(await exportTenants(), null, 2);
      if (arg) writeFileSync(arg, data + '\n');
      console.log(arg ? `Wrote ${arg}` : data);
      return 0;
    }
    case 'rekey': {
      const report = await rekeySealedValues(getDb(), getEnv().DATA_ENCRYPTION_KEY, context);
      const rows = report.columns.map((c) =>
        `${c.column.padEnd(30)} ${String(c.total).padStart(5)} sealed  ${String(c.rekeyed).padStart(5)} re-encrypted  ${String(c.alreadyCurrent).padStart(5)} already current` +
        (c.changedMeanwhile ? `  ${c.changedMeanwhile} changed meanwhile (run again)` : '') + (c.failed ? `  ${c.failed} FAILED` : ''));
      const remaining = Object.entries(report.remainingByKid).map(([kid, n]) => `${kid}: ${n}`).join(', ') || 'none';
      out([`Active key: ${report.activeKid}`, ...rows, `Sealed values per key id now: ${remaining}`,
        ...report.failures.map((f) => `Did not decrypt (left as is): ${f}`)].join('\n'), report);
      const stale = Object.keys(report.remainingByKid).some((kid) => kid !== report.activeKid);
      if (report.failures.length) console.error(`Error: ${report.failures.length} value(s) did not decrypt with the configured keys; keep the old key until this is resolved`);
      else if (stale) console.error('Error: some values changed while rekeying; run rekey again');
      return report.failures.length || stale ? 1 : 0;
    }
    default:
      console.log(HELP);
      return command && !values.help ? 2 : 0;
  }
}

function fields(v: Record<string, unknown>) {
  const list = (s: unknown) => (typeof s === 'string' ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  return {
    slug: v.slug, displayName: v.name, issuer: v.issuer, clientId: v['client-id'], clientAuthMethod: v['auth-method'],
    scopes: list(v.scopes), emailDomains: list(v['email-domains']), status: v.status,
    loginInitiatedBy: v['login-initiated-by'], tileLoginFlow: v['tile-flow'], oktaOrgDomain: v['okta-org-domain'],
    requireDpop: flag(v['require-dpop']),
  };
}

/** `true`/`false` as booleans; anything else is passed on for zod to refuse with the field's name. */
function flag(value: unknown) {
  return value === 'true' ? true : value === 'false' ? false : value;
}

function parse(input: Record<string, unknown>) {
  return orRefuse(tenantConfigSchema.safeParse(dropUndefined(input)));
}

function parsePatch(input: Record<string, unknown>) {
  return orRefuse(tenantConfigSchema.partial().safeParse(input));
}

/** A refused input is one line naming the field, never zod's issue list. */
function orRefuse<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${issue.path.map(String).join('.') || 'input'}: ${issue.message}`);
  }
  return result.data;
}

async function readSecret(v: Record<string, unknown>): Promise<string | undefined> {
  if (typeof v['client-secret-env'] === 'string') {
    const secret = process.env[v['client-secret-env']];
    if (!secret) throw new Error(`Environment variable ${v['client-secret-env']} is not set`);
    return secret;
  }
  if (v['client-secret-stdin']) return readFileSync(0, 'utf8').trim() || undefined;
  return undefined;
}

const dropUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
const requireArg = (a: string | undefined, usage: string) => a ?? fail(`Usage: npm run tenant -- ${usage}`);
const fail = (message: string): never => {
  throw new Error(message);
};
const line = (t: Tenant) => `${t.slug.padEnd(20)} ${t.status.padEnd(9)} ${t.issuer}  ${t.displayName}`;
/** One value of `show`: lists joined, objects (keys, logo, pending connection) as JSON. */
const showValue = (v: unknown): string =>
  Array.isArray(v) ? v.map(showValue).join(', ') : v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : String(v);

const view = (t: Tenant) => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() });

main(process.argv.slice(2))
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    await closeDb().catch(() => {});
    console.error(`Error: ${describe(error)}`);
    process.exit(1);
  });

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `invalid JSON: ${error.message}`;
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}
