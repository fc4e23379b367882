'use client';
/**
 * The signed-in person's menu: a native <details> disclosure (opens by click, Enter or Space, works without
 * JavaScript and without hover). With JavaScript, Escape closes it and returns focus to the button, and a
 * click or focus outside closes it too.
 */
import { useEffect, useRef } from 'react';

export function UserMenu({ label, name, children }: { label: string; name: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const close = (focusSummary: boolean) => {
      if (!details.open) return;
      details.open = false;
      if (focusSummary) details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onOutside = (event: Event) => {
      if (event.target instanceof Node && !details.contains(event.target)) close(false);
    };
    details.addEventListener('keydown', onKey);
    document.addEventListener('click', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      details.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, []);
  return (
    <details ref={ref} className="relative" data-testid="user-menu">
      <summary
        aria-label={label}
        className="flex cursor-pointer list-none items-center gap-2 rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-muted [&::-webkit-details-marker]:hidden"
      >
        <span className="max-w-40 truncate">{name}</span>
        <span aria-hidden="true" className="text-fg-muted">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-56 rounded-lg border border-line bg-surface p-1 shadow-lg">{children}</div>
    </details>
  );
}
