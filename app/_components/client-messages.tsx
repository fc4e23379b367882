import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { Messages } from '@/messages';
import { pickMessages, SHELL_CLIENT_MESSAGES, type ClientMessagePath } from '@/lib/i18n/client-messages';

/**
 * Gives the client components below it the shell's messages plus the namespaces or sections in `only`, and no
 * more (lib/i18n/client-messages.ts: the whole catalogue would ride along in every page's payload).
 */
export async function ClientMessages({ only = [], children }: { only?: readonly ClientMessagePath[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, [...SHELL_CLIENT_MESSAGES, ...only])}>{children}</NextIntlClientProvider>;
}
