'use client';
/**
 * Form building blocks shared by the wizard and the admin area. Inside an ActionForm, a field shows the error
 * the server action gave for its name under itself and is marked `aria-invalid` and described by it.
 */
import { fieldErrorId, useFieldError, useTypedValue } from './action-form';

const input =
  'mt-1 block w-full rounded-lg border bg-surface px-3 py-2 text-fg focus:border-accent focus:ring-2 focus:ring-accent-soft';

export function FieldError({ name }: { name: string }) {
  const error = useFieldError(name);
  return error ? (
    <span id={fieldErrorId(name)} data-testid={`field-error-${name}`} className="mt-1 block text-sm font-medium text-danger">
      {error}
    </span>
  ) : null;
}

export function TextField(props: {
  label: string;
  name: string;
  defaultValue?: string | null;
  type?: 'text' | 'password' | 'url' | 'email' | 'search';
  required?: boolean;
  hint?: React.ReactNode;
  placeholder?: string;
  maxLength?: number;
  autoComplete?: string;
}) {
  const error = useFieldError(props.name);
  // After a refusal posted without JavaScript, what the person typed rather than the page's default.
  const typed = useTypedValue(props.name);
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const describedBy = [error ? fieldErrorId(props.name) : undefined, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <label className="block">
      <span className="text-sm font-medium">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={typed ?? props.defaultValue ?? ''}
        required={props.required}
        placeholder={props.placeholder}
        maxLength={props.maxLength ?? 1024}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${input} ${error ? 'border-danger' : 'border-control'}`}
      />
      <FieldError name={props.name} />
      {props.hint ? <span id={hintId} className="mt-1 block text-xs text-fg-muted">{props.hint}</span> : null}
    </label>
  );
}

export function Radio(props: { name: string; value: string; label: string; hint?: string; defaultChecked?: boolean }) {
  return (
    <label className="flex items-start gap-2">
      <input type="radio" name={props.name} value={props.value} defaultChecked={props.defaultChecked} className="mt-1 accent-accent" />
      <span>
        <span className="font-medium">{props.label}</span>
        {props.hint ? <span className="block text-sm text-fg-muted">{props.hint}</span> : null}
      </span>
    </label>
  );
}

export function Card({ title, children, testId }: { title?: string; children: React.ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="space-y-4 rounded-xl border border-line bg-surface p-6 shadow-sm">
      {title ? <h2 className="text-lg font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}
