'use client';
/**
 * The one form that asks before a destructive submit: an ActionForm whose `confirm` opens the confirmation
 * dialog (useConfirm). The server page passes the dialog's words, already translated and naming the person,
 * statement or effect, so this client component needs no messages of its own. Cancel changes nothing.
 * Without `confirmation` it submits at once: a row whose action flips (Deactivate ↔ Reactivate) keeps one
 * form, so its success message survives the re-render. Without JavaScript the form posts without asking.
 */
import { ActionForm, type FormAction } from './action-form';
import { useConfirm, type ConfirmRequest } from './confirm-dialog';

export type Confirmation = ConfirmRequest & {
  /** Another body while the form's checkbox of this name is ticked (e.g. "everyone is asked again"). */
  bodyWhenChecked?: { name: string; body: string };
};

export function ConfirmActionForm({
  confirmation,
  ...props
}: {
  action: FormAction;
  submitLabel: string;
  confirmation?: Confirmation;
  children?: React.ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
}) {
  const { confirm, dialog } = useConfirm();
  const ask = confirmation
    ? (data: FormData) => {
        const { bodyWhenChecked, ...request } = confirmation;
        return confirm(bodyWhenChecked && data.has(bodyWhenChecked.name) ? { ...request, body: bodyWhenChecked.body } : request);
      }
    : undefined;
  return (
    <>
      <ActionForm {...props} confirm={ask} />
      {dialog}
    </>
  );
}
