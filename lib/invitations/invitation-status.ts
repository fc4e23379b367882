/**
 * What an invitation link is worth right now — pure, so the page, the CLI and the tests agree on it.
 * Order matters: a revoked or completed invitation says so even when it has also expired.
 */
export type InvitationStatus = 'open' | 'in_progress' | 'completed' | 'revoked' | 'expired';

export type InvitationTimes = { expiresAt: Date; revokedAt: Date | null; usedAt: Date | null; completedAt: Date | null };

export function invitationStatus(inv: InvitationTimes, now: Date = new Date()): InvitationStatus {
  if (inv.completedAt) return 'completed';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt <= now) return 'expired';
  return inv.usedAt ? 'in_progress' : 'open';
}

/** The page a person sees for a link that cannot be used (again), in calm words with what to do next. */
export const INVITATION_REFUSALS = {
  used: {
    title: 'This invitation link has already been used',
    message:
      'Each invitation link works once, in the browser that started the setup. If that was you, continue in that browser. Otherwise ask the person who invited you for a new link.',
  },
  completed: {
    title: 'This organization is already set up',
    message: 'The invitation was used to connect an organization, which is now active. Sign in to manage it.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    message: 'The invitation link was revoked by the operator of this app. Ask them for a new one if you still need it.',
  },
  expired: {
    title: 'This invitation link has expired',
    message: 'Invitation links are valid for a limited time. Ask the person who invited you for a new link.',
  },
  unknown: {
    title: 'This invitation link is not valid',
    message: 'The link may be incomplete or mistyped. Copy the whole link from the invitation, or ask for a new one.',
  },
} as const;

export type InvitationRefusal = keyof typeof INVITATION_REFUSALS;
