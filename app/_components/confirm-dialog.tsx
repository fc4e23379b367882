'use client';
/**
 * A confirmation dialog for destructive actions, on the native <dialog> (focus kept inside, Escape cancels,
 * the rest of the page inert). `useConfirm()` gives `confirm({ title, body, confirmLabel })`, a promise of the
 * person's answer, and the `dialog` element to render once (outside any form). Focus starts on Cancel, the
 * safe choice, and returns to where it was when the dialog closes. Pairs with ActionForm's `confirm` prop
 * (through app/_components/confirm-action-form.tsx).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';

export type ConfirmRequest = { title: string; body: string; confirmLabel: string; cancelLabel?: string };

export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; dialog: React.ReactNode } {
  const t = useTranslations('confirmDialog');
  const ref = useRef<HTMLDialogElement>(null);
  const answer = useRef<((value: boolean) => void) | null>(null);
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const id = useId();

  const confirm = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false);
        answer.current = resolve;
        setRequest(next);
      }),
    [],
  );
  useEffect(() => {
    if (request && !ref.current?.open) ref.current?.showModal();
  }, [request]);
  const settle = (value: boolean) => {
    answer.current?.(value);
    answer.current = null;
    if (ref.current?.open) ref.current.close();
    setRequest(null);
  };

  const dialog = (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape's `cancel` comes at once, but the native `close` a frame later: an Enter pressed in between may
      // already have opened the dialog for a new request, which that late `close` must not answer or shut.
      onCancel={() => settle(false)}
      onClose={() => {
        if (!ref.current?.open) settle(false);
      }}
      data-testid="confirm-dialog"
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-line bg-surface p-6 text-fg shadow-lg backdrop:bg-[rgb(0_0_0/0.45)]"
    >
      {request ? (
        <div className="space-y-4">
          <h2 id={`${id}-title`} className="text-lg font-semibold">{request.title}</h2>
          <p id={`${id}-body`} className="text-fg-muted">{request.body}</p>
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" autoFocus onClick={() => settle(false)} className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted">
              {request.cancelLabel ?? t('cancel')}
            </button>
            <button type="button" onClick={() => settle(true)} className="rounded-lg border border-danger bg-danger-soft px-4 py-2 font-medium text-danger">
              {request.confirmLabel}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
  return { confirm, dialog };
}
