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
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
