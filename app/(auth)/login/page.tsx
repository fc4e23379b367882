import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from '@/lib/i18n/server';
import { cache } from 'react';
import { z } from 'zod';
import { ActionForm } from '@/app/_components/action-form';
import { TextField } from '@/app/_components/fields';
import { TenantBrand } from '@/app/_components/tenant-brand';
import { requestContextOf } from '@/lib/http/request-context';
import { findPublicTenant } from '@/lib/tenants/find-public-tenant';
import { getTenantBranding } from '@/lib/tenants/get-tenant-branding';
import { slugSchema } from '@/lib/tenants/tenant-schema';
import { loginAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const query = z.object({
  org: z.string().max(320).optional().catch(undefined),
  returnTo: z.string().max(2048).optional().catch(undefined),
});

/**
 * `?org=<slug>` of an active tenant: its name, accent and logo. Looked up like any public tenant page
 * (findPublicTenant: an unknown, draft or suspended slug counts against signin.unknown.ip and shows nothing).
 * Cached per request, so the title and the page count one lookup.
 */
const brandingFor = cache(async (org: string | undefined) => {
  const slug = slugSchema.safeParse(org ?? '');
  if (!org || org.includes('@') || !slug.success) return null;
  const tenant = await findPublicTenant(slug.data, requestContextOf(await headers()));
  return tenant ? getTenantBranding(tenant.slug) : null;
});

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, { org }] = await Promise.all([getTranslations('login'), searchParams.then((q) => query.parse(q))]);
  const branding = await brandingFor(org);
  return { title: branding ? t('titleOrg', { organization: branding.displayName }) : t('title') };
}

/**
 * SP-initiated sign-in: an organization's name (slug) or a work email finds the tenant (loginAction). An
 * unknown organization is shown under the field, with what was typed kept.
 */
export default async function LoginPage({ searchParams }: Props) {
  const [t, { org, returnTo }] = await Promise.all([getTranslations('login'), searchParams.then((q) => query.parse(q))]);
  const branding = await brandingFor(org);
  return (
    <section className="mx-auto max-w-md rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-8">
      <TenantBrand branding={branding}>
        <div>
          <h1 className="text-2xl font-semibold">{branding ? t('titleOrg', { organization: branding.displayName }) : t('title')}</h1>
          <p className="mt-2 text-sm text-fg-muted">
            {branding ? t('introOrg', { organization: branding.displayName }) : t('intro')}
          </p>
        </div>
        <ActionForm action={loginAction} submitLabel={t('submit')} className="mt-6 space-y-4">
          <TextField
            label={t('label')}
            name="org"
            defaultValue={org ?? ''}
            maxLength={320}
            autoComplete="username"
            placeholder={t('placeholder')}
          />
          {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        </ActionForm>
      </TenantBrand>
    </section>
  );
}
