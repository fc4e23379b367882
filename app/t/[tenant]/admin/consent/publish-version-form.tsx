/**
 * The consent page's "publish the next version" form: asks first, saying what publishing does (with
 * re-consent ticked: everyone is asked again at their next sign-in), then posts to the server action; errors
 * show under their fields. A server component: the dialog's words reach the client form as props.
 */
import { getTranslations } from '@/lib/i18n/server';
import type { FormAction } from '@/app/_components/action-form';
import { ConfirmActionForm } from '@/app/_components/confirm-action-form';
import { TextField } from '@/app/_components/fields';
import { TextAreaField } from '../_components/form-fields';

type Props = {
  action: FormAction;
  nextVersion: number;
  current: { title: string; bodyMarkdown: string; scopes: string[] } | null;
  tenantScopes: string[];
};

const OPTIONAL_SCOPES = ['profile', 'email', 'address', 'phone'] as const;

export async function PublishVersionForm({ action, nextVersion, current, tenantScopes }: Props) {
  const t = await getTranslations('adminConsent');
  const confirmation = {
    title: t('confirmPublishTitle', { version: nextVersion }),
    body: t('confirmPublishBody'),
    bodyWhenChecked: { name: 'requireReconsent', body: t('confirmPublishReconsentBody') },
    confirmLabel: t('confirmPublish', { version: nextVersion }),
  };
  return (
    <ConfirmActionForm action={action} submitLabel={t('publish')} confirmation={confirmation}>
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
        <input type="checkbox" name="requireReconsent" /> {t('requireReconsent')}
      </label>
    </ConfirmActionForm>
  );
}
