import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { CONSENT_DECLINED_CODE } from '@/lib/consent/decline-consent';
import { getConsentPolicy } from '@/lib/consent/get-consent-policy';
import { requestContextOf } from '@/lib/http/request-context';
import { findPublicTenant } from '@/lib/tenants/find-public-tenant';
import { TenantBadge } from '../tenant-badge';

export const dynamic = 'force-dynamic';
// Plain <a>, not <Link>: prefetching a sign-in route would start a sign-in and replace its cookie.
export const metadata: Metadata = { title: 'You did not agree' };

type Props = { params: Promise<{ tenant: string }> };

/** After declining the app's own consent (not Okta's): what happens now and whom to contact. Public. */
export default async function ConsentDeclinedPage({ params }: Props) {
  const { tenant: slug } = await params;
  // Unknown, draft and suspended alike: 404, counted against signin.unknown.ip.
  const tenant = await findPublicTenant(slug, requestContextOf(await headers()));
  if (!tenant) notFound();
  const policy = await getConsentPolicy(getDb(), tenant.id);
  const contact = policy.supportContact;
  return (
    <section className="mx-auto max-w-lg space-y-4 rounded-xl border border-line bg-surface p-8 shadow-sm">
      <TenantBadge slug={tenant.slug} name={tenant.displayName} logo={policy} />
      <h1 className="text-2xl font-semibold" data-testid="consent-declined">You did not agree, so you are not signed in</h1>
      <p className="text-fg-muted">
        You declined {tenant.displayName}&apos;s consent statement for this app. You have not been signed in, and the app has kept
        nothing from this sign-in except a record that you declined, which {tenant.displayName} can see.
      </p>
      <p className="text-fg-muted">
        To use the app, sign in again and agree. If you have questions about what the app receives, or need access without it, contact{' '}
        {contact ? (
          <a className="text-accent underline" href={contact.includes('@') ? `mailto:${contact}` : contact} rel="noopener noreferrer" data-testid="support-contact">
            {contact}
          </a>
        ) : (
          <span data-testid="support-contact">your {tenant.displayName} administrator</span>
        )}
        .
      </p>
      <p className="text-sm text-fg-muted">
        Error code <code data-testid="error-code">{CONSENT_DECLINED_CODE}</code>
      </p>
      <a href={`/api/auth/signin?tenant=${encodeURIComponent(tenant.slug)}`} className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent">
        Sign in again
      </a>
    </section>
  );
}
