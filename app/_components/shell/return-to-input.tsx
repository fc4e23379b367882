'use client';
/** The current path and query as a hidden field, so a form's server action can come back to this page. */
import { usePathname, useSearchParams } from 'next/navigation';

export function ReturnToInput() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />;
}
