import { redirect } from 'next/navigation';
import { requireTenantPage } from '@/lib/auth/tenant-guard';

export const dynamic = 'force-dynamic';

export default async function AdminHome({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view admin area');
  redirect(`/t/${tenant.slug}/admin/connection`);
}
