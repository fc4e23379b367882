'use client';
/**
 * The consent page's "publish the next version" form: asks first, saying what publishing does (with
 * re-consent: everyone is asked again at their next sign-in), then posts to the server action; errors show
 * under their fields.
 */
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, type FormAction } from '@/app/_components/action-form';
import { TextField } from '@/app/_components/fields';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { TextAreaField } from '../_components/form-fields';

type Props = {
  action: FormAction;
  nextVersion: number;
  current: { title: string; bodyMarkdown: string; scopes: string[] } | null;
  tenantScopes: string[];
};

const OPTIONAL_SCOPES = ['profile', 'email', 'address', 'phone'] as const;

export function PublishVersionForm({ action, nextVersion, current, tenantScopes }: Props) {
  const t = useTranslations('adminConsent');
  const { confirm, dialog } = useConfirm();
  const [reconsent, setReconsent] = useState(false);
  const ask = () =>
    confirm({
      title: t('confirmPublishTitle', { version: nextVersion }),
      body: reconsent ? t('confirmPublishReconsentBody') : t('confirmPublishBody'),
      confirmLabel: t('confirmPublish', { version: nextVersion }),
    });
  return (
    <>
      <ActionForm action={action} submitLabel={t('publish')} confirm={ask}>
        <TextField label={t('statementTitle')} name="title" required maxLength={120} defaultValue={current?.title ?? ''} />
        <TextAreaField label={t('statement')} name="bodyMarkdown" rows={8} defaultValue={current?.bodyMarkdown ?? ''} mono hint={t('statementHint')} />
        <fieldset>
          <legend className="text-sm font-medium">{t('scopes')}</legend>
          {OPTIONAL_SCOPES.map((s) => (
            <label key={s} className="mr-4 inline-flex items-center gap-2">
              <input type="checkbox" name="scopes" value={s} defaultChecked={current ? current.scopes.includes(s) : tenantScopes.includes(s)} />
              {t(`scope.${s}`)} <code className="text-xs text-fg-muted">{s}</code>
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="requireReconsent" checked={reconsent} onChange={(e) => setReconsent(e.target.checked)} /> {t('requireReconsent')}
        </label>
      </ActionForm>
      {dialog}
    </>
  );
}
