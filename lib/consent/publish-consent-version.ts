/**
 * Publishes the next version of a tenant's consent statement (versions are never edited). With
 * `requireReconsent`, grants of earlier versions stop counting and everyone is asked again at their next
 * sign-in; without it they keep counting unless the new version asks for more scopes. One
 * `consent.version_published` audit event with before/after. The caller authorizes the actor.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getDb } from '@/lib/db/client';
import type { ConsentVersionInput } from './consent-schema';
import { toVersionView, type ConsentVersionView } from './get-consent-policy';
import type { ConsentActor } from './update-consent-settings';

const view = (v: ConsentVersionView | null) =>
  v && { version: v.version, title: v.title, bodyMarkdown: v.bodyMarkdown, scopes: v.scopes, requireReconsent: v.requireReconsent };

export async function publishConsentVersion(tenantId: string, input: ConsentVersionInput, actor: ConsentActor): Promise<ConsentVersionView> {
  return getDb().$transaction(async (tx) => {
    const latest = await tx.consentVersion.findFirst({ where: { tenantId }, orderBy: { version: 'desc' } });
    const created = await tx.consentVersion.create({
      data: {
        tenantId,
        version: (latest?.version ?? 0) + 1,
        title: input.title,
        bodyMarkdown: input.bodyMarkdown,
        scopes: input.scopes,
        // The first version is the baseline whatever the box said.
        requireReconsent: latest ? input.requireReconsent : true,
        publishedBy: actor.actor,
      },
    });
    const after = toVersionView(created);
    await recordAuditEvent(tx, {
      ...actor,
      type: 'consent.version_published',
      tenantId,
      actorUserId: actor.actorUserId ?? null,
      details: { actor: actor.actor, before: view(latest ? toVersionView(latest) : null), after: view(after) },
    });
    return after;
  });
}
