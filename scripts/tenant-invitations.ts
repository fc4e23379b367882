/**
 * The invitation commands of the tenant CLI: `invite [--expires-days 7] [--email x]` prints the one-time
 * onboarding link (shown once: only its hash is stored), `invitations` lists them, `revoke-invite <id>`.
 */
import { createInvitation, DEFAULT_INVITATION_DAYS } from '@/lib/invitations/create-invitation';
import { listInvitations, revokeInvitation } from '@/lib/invitations/manage-invitations';

type Out = (human: string, json: unknown) => void;
type Context = { actor: string; requestId: string };

export const INVITATION_HELP = `  invite   [--expires-days ${DEFAULT_INVITATION_DAYS}] [--email admin@customer.com]
           print a one-time onboarding link for a customer admin (shown once; expires)
  invitations                list invitations and their state
  revoke-invite <id>         withdraw an invitation that has not completed`;

export async function runInvitationCommand(
  command: string,
  arg: string | undefined,
  values: { 'expires-days'?: string; email?: string },
  out: Out,
  context: Context,
): Promise<number | null> {
  switch (command) {
    case 'invite': {
      const days = values['expires-days'] === undefined ? undefined : Number(values['expires-days']);
      const inv = await createInvitation({ expiresDays: days, email: values.email ?? null }, context);
      out(
        `Invitation ${inv.id}${inv.email ? ` for ${inv.email}` : ''}, valid until ${inv.expiresAt.toISOString()}.\n` +
          `Send this one-time link to the customer admin (it is not shown again):\n\n  ${inv.link}\n`,
        { ...inv, expiresAt: inv.expiresAt.toISOString() },
      );
      return 0;
    }
    case 'invitations': {
      const rows = await listInvitations();
      out(
        rows.length
          ? rows.map((r) => `${r.id}  ${r.status.padEnd(11)} expires ${r.expiresAt.toISOString().slice(0, 16)}  ${r.tenantSlug ?? '-'}  ${r.email ?? ''}`).join('\n')
          : 'No invitations.',
        rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() })),
      );
      return 0;
    }
    case 'revoke-invite': {
      if (!arg) throw new Error('Usage: npm run tenant -- revoke-invite <id>');
      await revokeInvitation(arg, context);
      out(`Revoked invitation ${arg}`, { revoked: arg });
      return 0;
    }
    default:
      return null;
  }
}
