import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/lib/db/client';
import { CONSENT_DECLINED_CODE } from '@/lib/consent/decline-consent';
import { getConsentPolicy } from '@/lib/consent/get-consent-policy';
import { requestContextOf } from '@/lib/http/request-context';
import { findPublicTenant } from '@/lib/tenants/find-public-tenant';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { TenantBadge } from '../tenant-badge';

export const dynamic = 'force-dynamic';
// Plain <a>, not <Link>: prefetching a sign-in route would start a sign-in and replace its cookie.

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consent'))('declined.title') };
}

/** After declining the app's own consent (not Okta's): what happens now and whom to contact. Public. */
export default async function ConsentDeclinedPage({ params }: Props) {
  const { tenant: slug } = await params;
  // Unknown, draft and suspended alike: 404, counted against signin.unknown.ip.
  const tenant = await findPublicTenant(slug, requestContextOf(await headers()));
  if (!tenant) notFound();
  const [policy, t, accent] = await Promise.all([
    getConsentPolicy(getDb(), tenant.id),
    getTranslations('consent'),
    getTenantBranding(tenant.slug).then((b) => b?.accent ?? 'brand'),
  ]);
  const contact = policy.supportContact;
  const organization = tenant.displayName;
  return (
    <section data-accent={accent === 'brand' ? undefined : accent} className="mx-auto max-w-lg space-y-4 rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-8">
      <TenantBadge slug={tenant.slug} name={organization} logo={policy} />
      <h1 className="text-2xl font-semibold" data-testid="consent-declined">{t('declined.heading')}</h1>
      <p className="text-fg-muted">{t('declined.body', { organization })}</p>
      <p className="text-fg-muted">
        {t.rich('declined.contact', {
          contact: () =>
            contact ? (
              <a className="break-all text-accent underline" href={contact.includes('@') ? `mailto:${contact}` : contact} rel="noopener noreferrer" data-testid="support-contact">
                {contact}
              </a>
            ) : (
              <span data-testid="support-contact">{t('declined.contactAdmin', { organization })}</span>
            ),
        })}
      </p>
      <p className="text-sm text-fg-muted">
        {t('declined.errorCode')} <code data-testid="error-code">{CONSENT_DECLINED_CODE}</code>
      </p>
      <a href={`/api/auth/signin?tenant=${encodeURIComponent(tenant.slug)}`} className="inline-block rounded-lg bg-accent px-5 py-2.5 font-medium text-on-accent hover:bg-accent-hover">
        {t('signInAgain')}
      </a>
    </section>
  );
}
