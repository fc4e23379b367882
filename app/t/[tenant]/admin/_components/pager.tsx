/**
 * Previous/next links of a paged admin list (real links, so they work without JavaScript and can be opened
 * in a new tab), and where the person is: "26–50 of 312".
 */
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export async function Pager({ href, page, hasPrevious, hasNext, testId }: {
  href: (page: number) => string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  testId?: string;
}) {
  const t = await getTranslations('admin');
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap gap-4 text-sm" data-testid={testId}>
      {hasPrevious ? <Link href={href(page - 1)} rel="prev" className="text-accent underline">{t('previousPage')}</Link> : null}
      {hasNext ? <Link href={href(page + 1)} rel="next" className="text-accent underline">{t('nextPage')}</Link> : null}
    </nav>
  );
}
