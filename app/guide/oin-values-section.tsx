import { getTranslations } from '@/lib/i18n/server';
import { getOinSubmission } from '@/lib/oin/get-oin-submission';

/**
 * The OIN Integration Wizard values of this deployment, the same ones `npm run oin` prints (lib/oin/), so the
 * configuration guide, the submission and Okta's reviewers all read one set of values.
 */
export async function OinValuesSection() {
  const t = await getTranslations('guide');
  const submission = getOinSubmission();
  return (
    <section className="space-y-3" aria-labelledby="oin-values">
      <h2 id="oin-values" className="text-xl font-semibold">{t('oinTitle')}</h2>
      <p>{t('oinIntro')}</p>
      {submission.sections.map((section) => (
        <table key={section.title} className="w-full border-collapse text-sm" data-testid="oin-values">
          <caption className="py-2 text-left font-medium">{section.title}</caption>
          <tbody>
            {section.fields.map((f) => (
              <tr key={f.label} className="border-b align-top">
                <th scope="row" className="w-56 py-2 pr-4 text-left font-normal text-fg-muted">{f.label}</th>
                <td className="py-2">
                  <span className="break-all font-mono" data-testid={`oin-${section.title}-${f.label}`}>{f.value}</span>
                  {f.note ? <span className="block text-fg-muted">{f.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
