'use client';
/**
 * A form bound to a server action through `useActionState`: shows the action's answer (an error in an
 * alert, a success as status) and disables the button while pending. Works without JavaScript too.
 */
import { startTransition, useActionState } from 'react';

export type FormState = { ok: boolean; message?: string } | null;
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export function ActionForm({
  action,
  submitLabel,
  children,
  variant = 'primary',
  className,
}: {
  action: FormAction;
  submitLabel: string;
  children?: React.ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const button = {
    primary: 'bg-blue-700 text-white hover:bg-blue-800',
    secondary: 'border border-slate-300 bg-white hover:bg-slate-100',
    danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
  }[variant];
  return (
    <form
      action={formAction}
      // Submitting through a transition keeps what the person typed when the server says no (a plain form
      // action would reset the fields); without JavaScript the `action` above still posts the form.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className ?? 'space-y-4'}
    >
      {children}
      {state?.message ? (
        <p
          role={state.ok ? 'status' : 'alert'}
          data-testid={state.ok ? 'form-ok' : 'form-error'}
          className={`rounded-lg px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}
        >
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={`rounded-lg px-4 py-2 font-medium disabled:opacity-60 ${button}`}>
        {submitLabel}
      </button>
    </form>
  );
}
