'use client';
/** The wizard's domains textarea: shows the server's error under itself, like TextField (aria-invalid, aria-describedby). */
import { fieldErrorId, useFieldError } from '@/app/_components/action-form';
import { FieldError } from '@/app/_components/fields';

export function DomainsField({ label, hint, defaultValue }: { label: string; hint: string; defaultValue: string }) {
  const error = useFieldError('domains');
  const describedBy = [error ? fieldErrorId('domains') : undefined, 'domains-hint'].filter(Boolean).join(' ');
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <textarea name="domains" rows={4} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy}
        autoCapitalize="none" spellCheck={false}
        className={`mt-1 block w-full rounded-lg border bg-surface px-3 py-2 font-mono text-sm text-fg ${error ? 'border-danger' : 'border-control'}`} />
      <FieldError name="domains" />
      <span id="domains-hint" className="mt-1 block text-xs text-fg-muted">{hint}</span>
    </label>
  );
}
