/** Every audit event type the app writes. Dotted: `<area>.<what happened>`. */
export const AUDIT_EVENT_TYPES = [
  'signin.started',
  'signin.succeeded',
  'signin.failed',
  'signout',
  'access.denied',
  'tenant.created',
  'tenant.updated',
  'tenant.removed',
  'tenant.imported',
  // Onboarding and administration (lib/invitations, lib/onboarding, lib/admin, lib/tenants/rotate-client-credentials.ts)
  'invitation.created',
  'invitation.used',
  'invitation.revoked',
  'tenant.activated',
  'tenant.connection_checked',
  // Proven connections and verified email domains (lib/tenants/prove-connection.ts, lib/tenants/email-domains.ts)
  'tenant.connection_pending',
  'tenant.connection_proven',
  'tenant.domain_verified',
  'tenant.domain_unverified',
  'tenant.secret_added',
  'tenant.secret_promoted',
  'tenant.secret_discarded',
  'tenant.key_added',
  'tenant.key_activated',
  'tenant.key_discarded',
  'user.deactivated',
  'user.reactivated',
  'admin.granted',
  'admin.revoked',
  'consent.requested',
  'consent.granted',
  'consent.declined',
  'consent.refused',
  'consent.revoked',
  'consent.policy_updated',
  'consent.version_published',
  'consent.exported',
  /** An admin changed the organization's accent or logo (app/t/[tenant]/admin/branding). */
  'tenant.branding_updated',
  /** A tenant admin downloaded the filtered audit log as CSV (`details`: the filter and the row count). */
  'audit.exported',
  /** One per (tenant or IP bucket, policy, minute, instance); `details.refused` counts the refusals. */
  'ratelimit.exceeded',
  'ratelimit.changed',
  /** Okta's Universal Logout ended a user's sessions (one event per user); refusals carry the reason in `code`. */
  'logout.universal',
  'logout.universal_refused',
  /** `npm run tenant -- rekey`: sealed values re-encrypted under the first DATA_ENCRYPTION_KEY (counts only). */
  'data.rekeyed',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
