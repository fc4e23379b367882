'use client';
/**
 * The admin area's navigation: the current page marked `aria-current="page"`. A column beside the content on
 * wide screens; on small ones a single row that scrolls sideways (every link is focusable, so the row is
 * reachable and scrolls by keyboard), so the content starts right below it.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type AdminNavItem = { href: string; label: string };

export function AdminNav({ label, items }: { label: string; items: AdminNavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-col md:overflow-visible md:px-0 md:pb-0" aria-label={label}>
      {items.map(({ href, label: text }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href} className="shrink-0">
            <Link
              href={href}
              aria-current={current ? 'page' : undefined}
              className={`block whitespace-nowrap rounded-lg px-3 py-1.5 ${current ? 'bg-accent-soft font-semibold text-accent-fg' : 'text-fg hover:bg-surface-muted'}`}
            >
              {text}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
