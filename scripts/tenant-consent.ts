/**
 * `npm run tenant -- consent <command>`: a tenant's consent policy from the command line.
 *   show   <slug>                         settings, current statement, counts per version
 *   set    <slug> [--required true|false] [--support-contact C] [--logo-url https://… | --logo-file logo.png | --no-logo]
 *                 [--title T --body-file f.md|- [--scopes openid,profile,email] [--reconsent]]
 *                 (a title and body publish a new version)
 *   export <slug> [--format csv|json] [--out file]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseLogoImage } from '@/lib/consent/consent-logo';
import { consentSettingsSchema, consentVersionSchema } from '@/lib/consent/consent-schema';
import { exportConsentGrants } from '@/lib/consent/export-consent-grants';
import { getConsentStats } from '@/lib/consent/get-consent-stats';
import { publishConsentVersion } from '@/lib/consent/publish-consent-version';
import { updateConsentSettings } from '@/lib/consent/update-consent-settings';
import { getTenantBySlug } from '@/lib/tenants/get-tenant';
import { TenantError } from '@/lib/tenants/tenant-error';

export const CONSENT_HELP = `  consent show <slug>
  consent set <slug> [--required true|false] [--support-contact C] [--logo-url https://… | --logo-file logo.png | --no-logo]
              [--title T --body-file f.md|- [--scopes openid,profile,email] [--reconsent]]
  consent export <slug> [--format csv|json] [--out file]`;

const options = {
  required: { type: 'string' }, 'support-contact': { type: 'string' }, 'logo-url': { type: 'string' }, 'logo-file': { type: 'string' }, 'no-logo': { type: 'boolean' }, title: { type: 'string' },
  'body-file': { type: 'string' }, scopes: { type: 'string' }, reconsent: { type: 'boolean' }, format: { type: 'string' },
  out: { type: 'string' }, json: { type: 'boolean' },
} as const;

const context = { actor: 'cli', requestId: `cli-${process.pid}` };

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${issue.path.map(String).join('.') || 'input'}: ${issue.message}`);
}

export async function runConsentCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, slug] = positionals;
  if (!command || !slug) {
    console.log(`Usage: npm run tenant -- consent <command>\n${CONSENT_HELP}`);
    return command ? 2 : 0;
  }
  const tenant = await getTenantBySlug(slug);
  if (!tenant) throw new TenantError('not_found', 'tenant_not_found', { slug });

  switch (command) {
    case 'show': {
      const { policy, versions } = await getConsentStats(tenant.id);
      if (values.json) console.log(JSON.stringify({ ...policy, versions }, null, 2));
      else {
        console.log(`required           ${policy.required}${policy.required && !policy.current ? ' (no statement published: nobody is asked yet)' : ''}`);
        console.log(`support contact    ${policy.supportContact ?? '—'}`);
        console.log(`current version    ${policy.current ? `${policy.current.version} "${policy.current.title}" (${policy.current.scopes.join(', ')})` : '—'}`);
        for (const v of versions) console.log(`  v${v.version}  granted ${v.granted}  declined ${v.declined}  pending ${v.pending ?? '—'}  ${v.requireReconsent ? 're-consent' : ''}`);
      }
      return 0;
    }
    case 'set': {
      const policy = (await getConsentStats(tenant.id)).policy;
      const settings = parsed(consentSettingsSchema.safeParse({
        required: values.required ?? String(policy.required),
        supportContact: values['support-contact'] ?? policy.supportContact ?? '',
        logoUrl: values['no-logo'] ? '' : (values['logo-url'] ?? policy.logoUrl ?? ''),
        removeLogo: values['no-logo'] ?? false,
      }));
      // An uploaded logo: PNG or JPEG by its bytes, at most 100 KB (as the admin page).
      const logoImage = values['logo-file'] ? parseLogoImage(new Uint8Array(readFileSync(values['logo-file']))) : null;
      await updateConsentSettings(tenant.id, { ...settings, logoImage }, context);
      if (values.title || values['body-file']) {
        const file = values['body-file'];
        if (!file) throw new Error('A new version needs --body-file (Markdown; - for stdin)');
        const version = await publishConsentVersion(tenant.id, parsed(consentVersionSchema.safeParse({
          title: values.title,
          bodyMarkdown: readFileSync(file === '-' ? 0 : file, 'utf8'),
          scopes: (values.scopes ?? policy.current?.scopes.join(',') ?? tenant.scopes.join(',')).split(',').map((s) => s.trim()).filter(Boolean),
          requireReconsent: values.reconsent ?? false,
        })), context);
        console.log(`Published version ${version.version} of ${tenant.slug}'s consent statement${version.requireReconsent ? ' (everyone is asked again)' : ''}`);
      }
      console.log(`Consent for ${tenant.slug} is ${settings.required ? 'required' : 'off'}`);
      return 0;
    }
    case 'export': {
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'json') throw new Error('--format must be csv or json');
      const data = await exportConsentGrants(tenant, format);
      if (values.out) writeFileSync(values.out, data.endsWith('\n') ? data : `${data}\n`);
      console.log(values.out ? `Wrote ${values.out}` : data);
      return 0;
    }
    default:
      console.log(`Usage: npm run tenant -- consent <command>\n${CONSENT_HELP}`);
      return 2;
  }
}
