/**
 * English / Deutsch: one button per language in a plain form (works without JavaScript), the current one
 * marked. The action (set-locale.ts) stores the choice and comes back to this page.
 */
import { Suspense } from 'react';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { ReturnToInput } from './return-to-input';
import { setLocale } from './set-locale';

export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('shell')]);
  return (
    <form action={setLocale} data-testid="language-switcher">
      <Suspense fallback={<input type="hidden" name="returnTo" value="/" />}>
        <ReturnToInput />
      </Suspense>
      <div role="group" aria-label={t('language')} className="flex items-center gap-1 text-sm">
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          aria-current={code === locale ? 'true' : undefined}
          className={`rounded-md px-2 py-1 ${code === locale ? 'bg-accent-soft font-semibold text-accent-fg' : 'text-fg-muted hover:bg-surface-muted hover:text-fg'}`}
        >
          {LOCALE_NAMES[code]}
        </button>
      ))}
      </div>
    </form>
  );
}
