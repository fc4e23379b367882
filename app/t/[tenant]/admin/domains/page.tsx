import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { updateDomainsAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Email domains' };

export default async function DomainsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view email domains');
  return (
    <>
      <h1 className="text-2xl font-bold">Email domains</h1>
      <Card>
        <p className="text-slate-600">
          People who type a work email of these domains at the sign-in page are sent to your Okta. A domain can belong to one organization only.
          Domains only route sign-ins: they never decide who someone is.
        </p>
        <ActionForm action={updateDomainsAction.bind(null, tenant.slug)} submitLabel="Save domains">
          <textarea name="domains" rows={5} defaultValue={tenant.emailDomains.join('\n')} aria-label="Email domains, one per line"
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm" />
        </ActionForm>
      </Card>
    </>
  );
}
