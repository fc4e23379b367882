'use client';
/** The logo: upload a PNG/JPEG, or an https URL, or remove the current one; each with its error under it. */
import { fieldErrorId, useFieldError } from '@/app/_components/action-form';
import { FieldError, TextField } from '@/app/_components/fields';

export function LogoFields(props: {
  legend: string;
  current: string | null;
  currentAlt: string;
  removeLabel: string;
  uploadLabel: string;
  urlLabel: string;
  urlValue: string | null;
}) {
  const fileError = useFieldError('logoFile');
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{props.legend}</legend>
      {props.current ? (
        <div className="flex items-center gap-3 text-sm text-fg-muted">
          {/* eslint-disable-next-line @next/next/no-img-element -- the tenant's own logo (uploaded or an https URL) */}
          <img src={props.current} referrerPolicy="no-referrer" alt={props.currentAlt} className="h-10 w-auto max-w-40 rounded-lg object-contain" data-testid="current-logo" />
          <label className="flex items-center gap-2"><input type="checkbox" name="removeLogo" /> {props.removeLabel}</label>
        </div>
      ) : null}
      <label className="block">
        <span className="text-sm">{props.uploadLabel}</span>
        <input
          type="file"
          name="logoFile"
          accept="image/png,image/jpeg"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? fieldErrorId('logoFile') : undefined}
          className="mt-1 block text-sm"
        />
        <FieldError name="logoFile" />
      </label>
      <TextField name="logoUrl" type="url" label={props.urlLabel} defaultValue={props.urlValue} placeholder="https://www.example.com/logo.png" maxLength={2000} />
    </fieldset>
  );
}
