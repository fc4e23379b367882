import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { listUsers } from '@/lib/admin/manage-users';
import { setUserRoleAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Administrators' };

/** Grant and revoke the admin role. The organization always keeps one active administrator. */
export default async function AdminsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await requireTenantPage((await params).tenant, 'admin', 'view administrators');
  const users = await listUsers(tenant.id);
  const admins = users.filter((u) => u.role === 'admin');
  const members = users.filter((u) => u.role === 'member' && u.status === 'active');
  const act = setUserRoleAction.bind(null, tenant.slug);
  return (
    <>
      <h1 className="text-2xl font-bold">Administrators</h1>
      <Card>
        <ul className="divide-y" data-testid="admins">
          {admins.map((u) => (
            <li key={u.id} className="flex items-center justify-between py-2">
              <span>{u.name ?? u.email ?? u.sub} <span className="text-xs text-fg-muted">{u.email}</span></span>
              <ActionForm action={act} submitLabel="Remove admin role" variant="danger" className="flex items-center gap-2">
                <input type="hidden" name="userId" value={u.id} />
                <input type="hidden" name="role" value="member" />
              </ActionForm>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Make someone an administrator">
        {members.length === 0 ? <p className="text-fg-muted">Everyone who has signed in is already an administrator.</p> : (
          <ActionForm action={act} submitLabel="Grant admin role">
            <select name="userId" aria-label="User" className="block w-full rounded-lg border border-control px-3 py-2">
              {members.map((u) => <option key={u.id} value={u.id}>{u.email ?? u.sub}</option>)}
            </select>
            <input type="hidden" name="role" value="admin" />
          </ActionForm>
        )}
      </Card>
    </>
  );
}
