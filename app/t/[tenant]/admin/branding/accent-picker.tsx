'use client';
/**
 * The organization's accent: a radio group, each choice with a swatch and a sample button drawn in that accent
 * (the option's own `data-accent` sets the colour variables, so the preview follows light and dark mode).
 */
import { fieldErrorId, useFieldError } from '@/app/_components/action-form';
import { FieldError } from '@/app/_components/fields';
import type { TenantAccent } from '@/lib/branding/brand';

export function AccentPicker(props: { legend: string; sample: string; current: TenantAccent; options: { value: TenantAccent; label: string }[] }) {
  const error = useFieldError('accent');
  return (
    <fieldset aria-describedby={error ? fieldErrorId('accent') : undefined} aria-invalid={error ? true : undefined} className="space-y-2">
      <legend className="text-sm font-medium">{props.legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {props.options.map(({ value, label }) => (
          <label
            key={value}
            data-accent={value === 'brand' ? undefined : value}
            className="flex cursor-pointer items-center gap-3 rounded-lg border border-line p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
          >
            <input type="radio" name="accent" value={value} defaultChecked={value === props.current} className="accent-accent" />
            <span aria-hidden="true" className="h-6 w-6 shrink-0 rounded-full bg-accent" />
            <span className="grow font-medium">{label}</span>
            <span aria-hidden="true" className="rounded-md bg-accent px-2 py-0.5 text-xs font-medium text-on-accent">{props.sample}</span>
          </label>
        ))}
      </div>
      <FieldError name="accent" />
    </fieldset>
  );
}
