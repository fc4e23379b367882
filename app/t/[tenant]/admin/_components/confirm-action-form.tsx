'use client';
/**
 * An ActionForm that asks first: the server page passes the dialog's words (naming the person and the
 * effect), this client wrapper opens the confirmation dialog before submitting. Cancel changes nothing.
 * Without `confirmation` it submits at once: a row whose action flips (Deactivate ↔ Reactivate) keeps one
 * form, so its success message survives the re-render.
 */
import { ActionForm, type FormAction } from '@/app/_components/action-form';
import { useConfirm, type ConfirmRequest } from '@/app/_components/confirm-dialog';

export function ConfirmActionForm({
  confirmation,
  ...props
}: {
  action: FormAction;
  submitLabel: string;
  confirmation?: ConfirmRequest;
  children?: React.ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
}) {
  const { confirm, dialog } = useConfirm();
  return (
    <>
      <ActionForm {...props} confirm={confirmation ? () => confirm(confirmation) : undefined} />
      {dialog}
    </>
  );
}
