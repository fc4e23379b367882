'use client';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/app/_components/action-form';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { revokeGrantAction } from './actions';

/** "Withdraw consent" for one grant, after a dialog that names the statement and the effect (signed out at once). */
export function WithdrawConsentForm({ slug, grantId, statement, organization }: { slug: string; grantId: string; statement: string; organization: string }) {
  const t = useTranslations('account');
  const { confirm, dialog } = useConfirm();
  return (
    <>
      <ActionForm
        action={revokeGrantAction}
        submitLabel={t('withdraw')}
        variant="danger"
        className="space-y-2"
        confirm={() =>
          confirm({
            title: t('confirm.title', { statement }),
            body: t('confirm.body', { organization }),
            confirmLabel: t('confirm.confirm'),
            cancelLabel: t('confirm.cancel'),
          })
        }
      >
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="grantId" value={grantId} />
      </ActionForm>
      {dialog}
    </>
  );
}
