'use client';
/**
 * A confirmation before a destructive action, as a native modal `<dialog>` (`showModal()`: focus trapped, the
 * rest of the page inert, Escape cancels). Self-contained: no catalogue of its own, the caller passes every
 * label already translated.
 *
 *   const { confirm, dialog } = useConfirm();
 *   <ActionForm action={…} confirm={() => confirm({ title, body, confirmLabel, cancelLabel })}>…</ActionForm>
 *   {dialog}
 *
 * `confirm` resolves true only when the person presses the confirm button; Cancel, Escape and a second
 * `confirm` call resolve false. Focus starts on Cancel (the safe choice) and returns to where it was.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';

export type ConfirmOptions = {
  /** The question, naming the thing: "Withdraw your consent to Acme?" */
  title: string;
  /** The effect, in plain words: what happens at once and what cannot be undone. */
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** `danger` (default) for destructive actions, `primary` otherwise. */
  tone?: 'danger' | 'primary';
};

export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: React.ReactNode } {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const confirm = useCallback((next: ConfirmOptions) => {
    resolver.current?.(false);
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = useCallback((answer: boolean) => {
    const resolve = resolver.current;
    resolver.current = null;
    setOptions(null);
    returnFocus.current?.focus();
    resolve?.(answer);
  }, []);

  return { confirm, dialog: options ? <ConfirmDialog options={options} onSettle={settle} /> : null };
}

function ConfirmDialog({ options, onSettle }: { options: ConfirmOptions; onSettle: (answer: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
  }, []);
  const confirmClass =
    options.tone === 'primary'
      ? 'bg-accent text-on-accent hover:bg-accent-hover'
      : 'border border-danger bg-danger text-surface hover:opacity-90';
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid="confirm-dialog"
      // Escape (the `cancel` event) and any other close end here: only the confirm button answers true.
      onClose={() => onSettle(ref.current?.returnValue === 'confirm')}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-6 text-fg shadow-lg backdrop:bg-fg/50"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">{options.title}</h2>
      <div id={`${id}-body`} className="mt-2 text-fg-muted">{options.body}</div>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button
          ref={cancelRef}
          type="button"
          onClick={() => ref.current?.close('cancel')}
          className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted"
        >
          {options.cancelLabel}
        </button>
        <button type="button" onClick={() => ref.current?.close('confirm')} className={`rounded-lg px-4 py-2 font-medium ${confirmClass}`}>
          {options.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
