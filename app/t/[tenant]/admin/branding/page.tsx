import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { TENANT_ACCENTS } from '@/lib/branding/brand';
import { MAX_LOGO_BYTES } from '@/lib/consent/consent-logo';
import { getDb } from '@/lib/db/client';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { AccentPicker } from './accent-picker';
import { saveBrandingAction } from './actions';
import { LogoFields } from './logo-fields';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('branding');
  return { title: t('title') };
}

type Props = { params: Promise<{ tenant: string }> };

/** Tenant admins: the organization's accent and logo on its sign-in, consent and error pages. */
export default async function BrandingPage({ params }: Props) {
  const { tenant: slug } = await params;
  const { tenant } = await requireTenantPage(slug, 'admin', 'view branding');
  const [t, branding, policy] = await Promise.all([
    getTranslations('branding'),
    getTenantBranding(tenant.slug),
    getDb().consentPolicy.findUnique({ where: { tenantId: tenant.id }, select: { logoUrl: true } }),
  ]);
  const options = TENANT_ACCENTS.map((value) => ({ value, label: t(`accents.${value}`) }));
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{tenant.displayName} · {t('eyebrow')}</p>
        <h1 className="mt-1 text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-fg-muted">{t('intro', { slug: tenant.slug })}</p>
      </div>
      <Card testId="branding-form">
        <ActionForm action={saveBrandingAction} submitLabel={t('save')}>
          <input type="hidden" name="slug" value={tenant.slug} />
          <AccentPicker legend={t('accent')} sample={t('sample')} current={branding?.accent ?? 'brand'} options={options} />
          <LogoFields
            legend={t('logo')}
            current={branding?.logoSrc ?? null}
            currentAlt={t('currentLogo')}
            removeLabel={t('removeLogo')}
            uploadLabel={t('upload', { kb: MAX_LOGO_BYTES / 1024 })}
            urlLabel={t('url')}
            urlValue={policy?.logoUrl ?? null}
          />
        </ActionForm>
      </Card>
    </section>
  );
}
