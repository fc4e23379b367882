'use client';
/**
 * A form bound to a server action through `useActionState`. The action answers a FormState: a success message
 * (announced in a polite live region), an error message (an alert), and errors per field, which the fields
 * below show under themselves (`aria-invalid`, `aria-describedby`); focus moves to the first bad field, or to
 * the alert. Keeps what the person typed; disables the button while pending; works without JavaScript too.
 */
import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from 'react';

export type FormState = {
  ok: boolean;
  message?: string;
  /** Error per field name, shown under that field. */
  fieldErrors?: Partial<Record<string, string>>;
  /**
   * What was typed, per field name, given back with a refusal: a form posted without JavaScript comes back as a
   * new page, whose fields show these (escaped by React) instead of their defaults. Cap what goes in.
   */
  values?: Partial<Record<string, string>>;
  code?: string;
} | null;
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<FormState>(null);

/** The error the last answer gave for a field of the enclosing ActionForm, if any. */
export function useFieldError(name: string): string | undefined {
  return useContext(FormStateContext)?.fieldErrors?.[name];
}

/** What the last answer gave back for a field of the enclosing ActionForm (see FormState `values`), if anything. */
export function useTypedValue(name: string): string | undefined {
  return useContext(FormStateContext)?.values?.[name];
}

export const fieldErrorId = (name: string) => `${name}-error`;

export function ActionForm({
  action,
  submitLabel,
  children,
  variant = 'primary',
  className,
  confirm,
}: {
  action: FormAction;
  submitLabel: string;
  children?: React.ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
  /** Asked before submitting (for destructive actions), with what is about to be sent: false cancels. */
  confirm?: (data: FormData) => Promise<boolean>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!state || state.ok) return;
    const firstBad = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstBad ?? alertRef.current)?.focus();
  }, [state]);
  const button = {
    primary: 'bg-accent text-on-accent hover:bg-accent-hover',
    secondary: 'border border-control bg-surface hover:bg-surface-muted',
    danger: 'border border-danger bg-surface text-danger hover:bg-danger-soft',
  }[variant];
  return (
    <FormStateContext value={state}>
      <form
        ref={formRef}
        action={formAction}
        // Submitting through a transition keeps what the person typed when the server says no (a plain form
        // action would reset the fields); without JavaScript the `action` above still posts the form.
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          void (async () => {
            if (confirm && !(await confirm(data))) return;
            startTransition(() => formAction(data));
          })();
        }}
        className={className ?? 'space-y-4'}
        noValidate={Boolean(state?.fieldErrors)}
      >
        {children}
        {state && !state.ok && state.message ? (
          <p ref={alertRef} tabIndex={-1} role="alert" data-testid="form-error" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
            {state.message}
          </p>
        ) : null}
        <p role="status" aria-live="polite" data-testid={state?.ok && state.message ? 'form-ok' : undefined} className={state?.ok && state.message ? 'rounded-lg bg-success-soft px-3 py-2 text-sm text-success' : 'sr-only'}>
          {state?.ok ? state.message : ''}
        </p>
        <button type="submit" disabled={pending} className={`rounded-lg px-4 py-2 font-medium disabled:opacity-60 ${button}`}>
          {submitLabel}
        </button>
      </form>
    </FormStateContext>
  );
}
