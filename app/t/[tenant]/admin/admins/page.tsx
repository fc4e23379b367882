import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card } from '@/app/_components/fields';
import { requireTenantPage } from '@/lib/auth/tenant-guard';
import { listUsers } from '@/lib/admin/manage-users';
import { setUserRoleAction } from '../actions';
import { ConfirmActionForm } from '@/app/_components/confirm-action-form';
import { SelectField } from '../_components/form-fields';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminAdmins'))('title') };
}

/** Grant and revoke the admin role. The organization always keeps one active administrator. */
export default async function AdminsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, session } = await requireTenantPage((await params).tenant, 'admin', 'view administrators');
  const [users, t, ta] = await Promise.all([listUsers(tenant.id), getTranslations('adminAdmins'), getTranslations('admin')]);
  const admins = users.filter((u) => u.role === 'admin');
  const members = users.filter((u) => u.role === 'member' && u.status === 'active');
  const act = setUserRoleAction.bind(null, tenant.slug);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-fg-muted">{t('intro')}</p>
      <Card title={t('current')}>
        <ul className="divide-y divide-line" data-testid="admins">
          {admins.map((u) => {
            const who = u.email ?? u.sub;
            return (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`admin-${who}`}>
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <span className="font-medium">{u.name ?? who}</span>{' '}
                  <span className="text-sm text-fg-muted">{u.email}</span>
                  {u.id === session.user.id ? <span className="ml-2 text-xs text-fg-muted">({ta('you')})</span> : null}
                  {u.status === 'deactivated' ? <span className="ml-2 text-xs text-danger">{ta('status.deactivated')}</span> : null}
                </span>
                <ConfirmActionForm action={act} submitLabel={t('remove')} variant="danger" className="flex flex-wrap items-center gap-2"
                  confirmation={{
                    title: t('confirmRemoveTitle', { user: who }),
                    body: u.id === session.user.id ? t('confirmRemoveSelfBody') : t('confirmRemoveBody', { user: who }),
                    confirmLabel: t('confirmRemove', { user: who }),
                  }}>
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="hidden" name="role" value="member" />
                </ConfirmActionForm>
              </li>
            );
          })}
        </ul>
      </Card>
      <Card title={t('grantTitle')}>
        {members.length === 0 ? <p className="text-fg-muted" data-testid="no-members">{t('noMembers')}</p> : (
          <ActionForm action={act} submitLabel={t('grant')}>
            <SelectField label={t('person')} name="userId"
              options={members.map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.email ?? u.sub})` : (u.email ?? u.sub) }))} />
            <input type="hidden" name="role" value="admin" />
          </ActionForm>
        )}
      </Card>
    </>
  );
}
