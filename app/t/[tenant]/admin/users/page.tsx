import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { listUsers } from '@/lib/admin/manage-users';
import { setUserStatusAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users' };

/** Users are created just in time at their first sign-in; admins can deactivate and reactivate them. */
export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, session } = await requireTenantPage((await params).tenant, 'admin', 'view users');
  const users = await listUsers(tenant.id);
  return (
    <>
      <h1 className="text-2xl font-bold">Users</h1>
      <p className="text-fg-muted">People appear here after their first sign-in. A deactivated user is signed out at once and cannot sign in until reactivated.</p>
      <table className="w-full text-sm" data-testid="users">
        <thead><tr className="border-b text-left"><th className="py-2">User</th><th>Role</th><th>Status</th><th>Last sign-in</th><th /></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b align-middle" data-testid={`user-${u.email ?? u.sub}`}>
              <td className="py-2">{u.name ?? '—'}<div className="text-xs text-fg-muted">{u.email ?? u.sub}</div></td>
              <td>{u.role}</td>
              <td>{u.status}</td>
              <td>{u.lastLoginAt?.toISOString().slice(0, 16).replace('T', ' ') ?? '—'}</td>
              <td className="py-2">
                {u.id === session.user.id ? <span className="text-xs text-fg-muted">you</span> : (
                  <ActionForm action={setUserStatusAction.bind(null, tenant.slug)} submitLabel={u.status === 'active' ? 'Deactivate' : 'Reactivate'}
                    variant={u.status === 'active' ? 'danger' : 'secondary'} className="flex items-center gap-2">
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="status" value={u.status === 'active' ? 'deactivated' : 'active'} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
