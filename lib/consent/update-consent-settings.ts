/**
 * Changes a tenant's consent settings (required on/off, support contact, logo). One `consent.policy_updated`
 * audit event with before/after, in the same transaction. The caller authorizes the actor.
 */
import { recordAuditEvent, type AuditContext } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import type { ConsentSettingsInput } from './consent-schema';

export type ConsentActor = AuditContext & { actor: string; actorUserId?: string | null };

const view = (p: { required: boolean; supportContact: string | null; logoUrl: string | null } | null) =>
  p ? { required: p.required, supportContact: p.supportContact, logo: p.logoUrl ? `${p.logoUrl.slice(0, 40)}…` : null } : null;

export async function updateConsentSettings(tenantId: string, input: ConsentSettingsInput, actor: ConsentActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.consentPolicy.findUnique({ where: { tenantId } });
    const after = await tx.consentPolicy.upsert({ where: { tenantId }, create: { tenantId, ...input }, update: input });
    await recordAuditEvent(tx, {
      ...actor,
      type: 'consent.policy_updated',
      tenantId,
      actorUserId: actor.actorUserId ?? null,
      details: { actor: actor.actor, before: view(before), after: view(after) },
    });
  });
}
