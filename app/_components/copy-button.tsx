'use client';
/** A value to paste into Okta, with a button that copies it and says so to screen readers too. */
import { useState } from 'react';
import { useTranslations } from 'next-intl';

export function CopyValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useTranslations('common');
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <div className="text-sm font-medium text-fg">{label}</div>
      <div className="flex items-stretch gap-2">
        {/* Scrolls sideways when long, so it is focusable (keyboard users can scroll it) and named. */}
        <code
          data-testid={testId}
          tabIndex={0}
          role="region"
          aria-label={label}
          className="min-w-0 flex-1 overflow-x-auto whitespace-pre rounded-lg border border-line bg-surface-muted px-3 py-2 text-sm"
        >
          {value}
        </code>
        <button
          type="button"
          aria-label={t('copyLabel', { label })}
          className="rounded-lg border border-control bg-surface px-3 text-sm hover:bg-surface-muted"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            });
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <span role="status" aria-live="polite" className="sr-only">{copied ? t('copied') : ''}</span>
    </div>
  );
}
