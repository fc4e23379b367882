/**
 * The consent gate of `establishSession`, inside its transaction. Decides which scopes' claims the app may
 * keep and whether a session may be made now:
 * - consent not enforced for the tenant → pass, keep the tenant's scopes;
 * - the user holds a grant covering the current version and scopes → pass, keep the version's scopes;
 * - accepting (`grantConsent`) → consume the pending sign-in (single use) and pass with a grant to record;
 * - otherwise → store a pending sign-in and answer `ConsentRequired` (no user, no session).
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestContext } from '@/lib/http/request-context';
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';
import type { Tenant } from '@/lib/tenants/tenant';
import { ConsentError } from './consent-error';
import { ConsentRequired } from './consent-required';
import { getConsentPolicy, grantCovers } from './get-consent-policy';
import { consumePendingSignIn, createPendingSignIn } from './pending-sign-in';

const USER_FLOWS: readonly string[] = ['sp', 'okta_redirect', 'okta_id_token'];

/** Accepting on the consent page: the pending sign-in being answered and the version the user saw. */
export type GrantConsent = { pendingId: string; versionId: string };

export type ConsentGateInput = {
  tenant: Tenant;
  claims: IdTokenClaims;
  idToken: string;
  flow: string;
  returnTo: string | null;
  context: RequestContext;
  grantConsent?: GrantConsent;
};

export type ConsentGatePass = {
  /** Scopes whose claims may be stored on the user. */
  keepScopes: string[];
  /** Writes the grant once the user row exists (accepting only). */
  recordGrant?: (userId: string) => Promise<void>;
};

export async function runConsentGate(tx: Prisma.TransactionClient, input: ConsentGateInput): Promise<ConsentGatePass | ConsentRequired> {
  const { tenant, claims, context } = input;
  // Most tenants do not ask for consent: the tenant, read fresh for this completion (never from the cache), says
  // so, and the policy is read only when it is on.
  if (!input.grantConsent && !tenant.consentRequired) return { keepScopes: tenant.scopes };
  const policy = await getConsentPolicy(tx, tenant.id);

  if (input.grantConsent) {
    const { pendingId, versionId } = input.grantConsent;
    if (!(await consumePendingSignIn(tx, pendingId, tenant.id))) throw new ConsentError('consent_request_missing', 'Pending sign-in already used or expired');
    const current = policy.current;
    if (!current || current.id !== versionId) throw new ConsentError('consent_version_changed', 'The consent version changed');
    return {
      keepScopes: current.scopes,
      recordGrant: async (userId) => {
        await tx.consentGrant.create({
          data: {
            tenantId: tenant.id, userId, versionId: current.id, scopes: current.scopes,
            ip: context.ip?.slice(0, 64) ?? null, userAgent: context.userAgent?.slice(0, 512) ?? null,
          },
        });
        await recordAuditEvent(tx, {
          ...context, type: 'consent.granted', tenantId: tenant.id, actorUserId: userId,
          details: { version: current.version, scopes: current.scopes, sub: claims.sub, flow: input.flow },
        });
      },
    };
  }

  if (!policy.enforced || !policy.current) return { keepScopes: tenant.scopes };
  // Only the three ways in ask; e.g. an onboarding wizard's test sign-in checks the connection, it is not a user's sign-in.
  if (!USER_FLOWS.includes(input.flow)) return { keepScopes: tenant.scopes };
  const user = await tx.user.findUnique({ where: { tenantId_issuer_sub: { tenantId: tenant.id, issuer: claims.iss, sub: claims.sub } }, select: { id: true, status: true } });
  // A deactivated user is refused by the next gate; asking them for consent first would be pointless.
  if (user?.status === 'deactivated') return { keepScopes: [] };
  if (user) {
    const grants = await tx.consentGrant.findMany({
      where: { tenantId: tenant.id, userId: user.id, revokedAt: null },
      select: { scopes: true, revokedAt: true, version: { select: { version: true } } },
    });
    if (grants.some((g) => grantCovers({ version: g.version.version, scopes: g.scopes, revokedAt: g.revokedAt }, policy))) {
      return { keepScopes: policy.current.scopes };
    }
  }
  const pending = await createPendingSignIn(tx, { tenantId: tenant.id, claims, idToken: input.idToken, flow: input.flow, returnTo: input.returnTo });
  await recordAuditEvent(tx, {
    ...context, type: 'consent.requested', tenantId: tenant.id, actorUserId: user?.id ?? null,
    details: { version: policy.current.version, sub: claims.sub, flow: input.flow },
  });
  return new ConsentRequired(pending.token, tenant.slug, pending.expiresAt);
}
