'use client';
/** A value to paste into Okta, with a button that copies it. */
import { useState } from 'react';

export function CopyValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <div className="text-sm font-medium text-slate-700">{label}</div>
      <div className="flex items-stretch gap-2">
        <code data-testid={testId} className="flex-1 overflow-x-auto whitespace-pre rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          {value}
        </code>
        <button
          type="button"
          aria-label={`Copy ${label}`}
          className="rounded-lg border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
