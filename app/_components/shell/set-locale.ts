'use server';
/**
 * The language switcher's action: stores the chosen language in the `locale` cookie (lib/i18n/locales.ts) and
 * returns to the page it came from — a same-origin path only, never an open redirect.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';
import { isLocalReturnPath } from './return-path';

const schema = z.object({ locale: z.enum(LOCALES), returnTo: z.string().max(2048).optional() });

export async function setLocale(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ locale: formData.get('locale'), returnTo: formData.get('returnTo') ?? undefined });
  if (!parsed.success) redirect('/');
  const store = await cookies();
  store.set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true, secure: getEnv().APP_URL.startsWith('https://') });
  const returnTo = parsed.data.returnTo;
  redirect(returnTo && isLocalReturnPath(returnTo) ? returnTo : '/');
}
