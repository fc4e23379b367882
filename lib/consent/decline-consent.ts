/**
 * Declining on the consent page: the pending sign-in is consumed, the refusal recorded (so admins can count
 * it) and audited as `consent.declined` / `app_consent_declined` — distinct from Okta's own refusals. No
 * user row, no session. The caller has checked the post (`openConsentPost`).
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import type { RequestContext } from '@/lib/http/request-context';
import { ConsentError } from './consent-error';
import { consumePendingSignIn } from './pending-sign-in';
import type { ConsentPost } from './open-consent-post';

export const CONSENT_DECLINED_CODE = 'app_consent_declined';

export async function declineConsent(post: ConsentPost, context: RequestContext): Promise<void> {
  const { tenant, pending } = post;
  await getDb().$transaction(async (tx) => {
    if (!(await consumePendingSignIn(tx, pending.id, tenant.id))) throw new ConsentError('consent_request_missing', 'Pending sign-in already used');
    const version = await tx.consentVersion.findFirst({ where: { id: post.versionId, tenantId: tenant.id }, select: { id: true, version: true } });
    if (!version) throw new ConsentError('consent_version_changed', 'Unknown consent version');
    await tx.consentDecline.create({ data: { tenantId: tenant.id, sub: pending.sub, versionId: version.id } });
    const user = await tx.user.findUnique({ where: { tenantId_issuer_sub: { tenantId: tenant.id, issuer: tenant.issuer, sub: pending.sub } }, select: { id: true } });
    await recordAuditEvent(tx, {
      ...context,
      type: 'consent.declined',
      code: CONSENT_DECLINED_CODE,
      tenantId: tenant.id,
      actorUserId: user?.id ?? null,
      details: { version: version.version, sub: pending.sub, flow: pending.flow },
    });
  });
}
