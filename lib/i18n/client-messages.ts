/**
 * Which messages reach the browser. A client component's messages travel in every page's RSC payload, so the
 * whole catalogue (about 65 KB) must not: the root layout hands client components only the shell's namespaces
 * ({@link SHELL_CLIENT_MESSAGES}), and a server page that renders a client component needing more wraps it in
 * `<ClientMessages only={[…]}>` (app/_components/client-messages.tsx) naming a namespace or one section of one.
 */
import type { Messages } from '@/messages';

/** A namespace (`'account'`) or one top-level section of one (`'onboarding.connection'`). */
export type ClientMessagePath = {
  [N in keyof Messages]: N | `${N}.${Extract<keyof Messages[N], string>}`;
}[keyof Messages];

/** What the shell's own client components use on every page: copy buttons and confirmation dialogs. */
export const SHELL_CLIENT_MESSAGES = ['common', 'confirmDialog'] as const satisfies readonly ClientMessagePath[];

type PartialMessages = { [N in keyof Messages]?: Partial<Messages[N]> };

/** The parts of `messages` that `paths` name, nothing else. */
export function pickMessages(messages: Messages, paths: readonly ClientMessagePath[]): PartialMessages {
  const picked: Record<string, Record<string, unknown>> = {};
  for (const path of paths) {
    const [namespace, section] = path.split('.') as [keyof Messages, string | undefined];
    const source = messages[namespace] as Record<string, unknown>;
    if (section === undefined) picked[namespace] = { ...picked[namespace], ...source };
    else picked[namespace] = { ...picked[namespace], [section]: source[section] };
  }
  return picked as PartialMessages;
}
