import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { CopyValue } from '@/app/_components/copy-button';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('onboarding');
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view the go-live checklist');
  return { title: t('live.title', { name: tenant.displayName }) };
}

/**
 * After Activate: the go-live checklist of a newly active organization (for its admins): assign people in
 * Okta, the email domains and whether each routes, the sign-in link to share, consent, rate limits, and the
 * way into the administration area.
 */
export default async function GoLivePage({ params }: Props) {
  const t = await getTranslations('onboarding');
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view the go-live checklist');
  const admin = (path: string) => `/t/${encodeURIComponent(tenant.slug)}/admin/${path}`;
  const signInLink = `${getEnv().APP_URL.replace(/\/+$/, '')}/login?org=${encodeURIComponent(tenant.slug)}`;
  const link = 'text-accent underline underline-offset-2';
  const name = tenant.displayName;
  return (
    <div className="space-y-6" data-testid="go-live">
      <div>
        <h1 className="text-2xl font-bold">{t('live.title', { name })}</h1>
        <p className="mt-1 text-fg-muted">{t('live.intro', { name })}</p>
      </div>
      <section aria-labelledby="checklist" className="space-y-4">
        <h2 id="checklist" className="text-lg font-semibold">{t('live.checklist')}</h2>
        <ol className="space-y-4">
          <li><Card title={`1. ${t('live.assignTitle')}`}><p className="text-fg">{t('live.assignText')}</p></Card></li>
          <li>
            <Card title={`2. ${t('live.domainsTitle')}`} testId="live-domains">
              {tenant.emailDomains.length ? (
                <ul className="list-disc space-y-1 pl-5">
                  {tenant.emailDomains.map((d) => (
                    <li key={d} data-testid={`live-domain-${d}`}>
                      {tenant.verifiedEmailDomains.includes(d) ? t('live.domainVerified', { domain: d }) : t('live.domainUnverified', { domain: d })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-fg">{t('live.domainsNone')}</p>
              )}
              <Link href={admin('domains')} className={link}>{t('live.domainsLink')}</Link>
            </Card>
          </li>
          <li>
            <Card title={`3. ${t('live.linkTitle')}`}>
              <p className="text-fg">{t('live.linkText')}</p>
              <CopyValue label={t('live.linkLabel')} value={signInLink} testId="live-sign-in-link" />
            </Card>
          </li>
          <li>
            <Card title={`4. ${t('live.consentTitle')}`}>
              <p className="text-fg">{t('live.consentText')}</p>
              <Link href={admin('consent')} className={link}>{t('live.consentLink')}</Link>
            </Card>
          </li>
          <li>
            <Card title={`5. ${t('live.rateTitle')}`}>
              <p className="text-fg">{t('live.rateText')}</p>
              <Link href={admin('rate-limits')} className={link}>{t('live.rateLink')}</Link>
            </Card>
          </li>
          <li>
            <Card title={`6. ${t('live.adminTitle')}`}>
              <p className="text-fg">{t('live.adminText')}</p>
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                <li><Link href={admin('connection')} className={link}>{t('live.linkConnection')}</Link></li>
                <li><Link href={admin('users')} className={link}>{t('live.linkUsers')}</Link></li>
                <li><Link href={admin('audit')} className={link}>{t('live.linkAudit')}</Link></li>
              </ul>
              <Link href={`/t/${encodeURIComponent(tenant.slug)}/admin`} className="inline-block rounded-lg bg-accent px-4 py-2 font-medium text-on-accent hover:bg-accent-hover">
                {t('live.linkAdmin')}
              </Link>
            </Card>
          </li>
        </ol>
      </section>
    </div>
  );
}
