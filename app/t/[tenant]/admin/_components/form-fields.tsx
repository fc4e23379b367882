'use client';
/**
 * Admin form fields that fields.tsx does not have (a select, a textarea, a number), linked to their error
 * like TextField: `aria-invalid` and `aria-describedby` when the server action reported one for the field.
 */
import { fieldErrorId, useFieldError } from '@/app/_components/action-form';
import { FieldError } from '@/app/_components/fields';

const control = 'mt-1 block w-full rounded-lg border bg-surface px-3 py-2 text-fg';

function useErrorProps(name: string, hintId?: string) {
  const error = useFieldError(name);
  const describedBy = [error ? fieldErrorId(name) : undefined, hintId].filter(Boolean).join(' ') || undefined;
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: `${control} ${error ? 'border-danger' : 'border-control'}` } as const;
}

export function SelectField({ label, name, options }: { label: string; name: string; options: { value: string; label: string }[] }) {
  const props = useErrorProps(name);
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <select name={name} {...props}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError name={name} />
    </label>
  );
}

export function TextAreaField({ label, name, defaultValue, rows = 5, hint, mono }: { label: string; name: string; defaultValue?: string; rows?: number; hint?: string; mono?: boolean }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const props = useErrorProps(name, hintId);
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <textarea name={name} rows={rows} defaultValue={defaultValue} {...props} className={`${props.className} ${mono ? 'font-mono text-sm' : ''}`} />
      <FieldError name={name} />
      {hint ? <span id={hintId} className="mt-1 block text-xs text-fg-muted">{hint}</span> : null}
    </label>
  );
}

export function NumberField({ label, name, defaultValue, placeholder, min, max }: { label: string; name: string; defaultValue?: number | null; placeholder?: string; min?: number; max?: number }) {
  const props = useErrorProps(name);
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <input type="number" inputMode="numeric" name={name} defaultValue={defaultValue ?? ''} placeholder={placeholder} min={min} max={max} {...props} className={`${props.className} max-w-[10rem]`} />
      <FieldError name={name} />
    </label>
  );
}
