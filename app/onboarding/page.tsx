import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { Card } from '@/app/_components/fields';
import { currentOnboarding } from '@/lib/onboarding/onboarding-cookie';
import { WIZARD_STEPS, stepIndex, type Onboarding, type WizardStep } from '@/lib/onboarding/onboarding-state';
import { StepView } from './step-views';
import { shownStep } from './wizard-step';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ step?: string }> };

/** "Step n of 6: <step>" — a title per step, so each step is its own page for people and assistive technology. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations('onboarding');
  const current = await currentOnboarding();
  if (!current.ok) return { title: t('unavailableTitle') };
  const step = shownStep(current.onboarding, (await searchParams).step);
  return { title: t('pageTitle', { n: stepIndex(step) + 1, total: WIZARD_STEPS.length, step: t(`steps.${step}`) }) };
}

/** The onboarding wizard: six steps, each validated on the server, resumable in the browser that claimed the invitation. */
export default async function OnboardingPage({ searchParams }: Props) {
  const t = await getTranslations('onboarding');
  const current = await currentOnboarding();
  if (!current.ok) {
    const reason = current.reason;
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t(`unavailable.${reason}Title`)}</h1>
        <Card testId="onboarding-unavailable">
          <p className="text-fg-muted">{t(`unavailable.${reason}Message`)}</p>
          <Link href="/guide" className="text-accent underline">{t('guideLink')}</Link>
        </Card>
      </div>
    );
  }
  const o = current.onboarding;
  const step = shownStep(o, (await searchParams).step);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{o.displayName ? t('heading', { name: o.displayName }) : t('headingUnnamed')}</h1>
        <p className="mt-1 text-sm text-fg-muted">
          {t('intro')} <Link href="/guide" className="text-accent underline">{t('guideLink')}</Link>
        </p>
      </div>
      <StepList o={o} step={step} />
      <StepView step={step} o={o} />
    </div>
  );
}

async function StepList({ o, step }: { o: Onboarding; step: WizardStep }) {
  const t = await getTranslations('onboarding');
  return (
    <nav aria-label={t('stepsLabel')}>
      <ol className="flex flex-wrap gap-2 text-sm" data-testid="wizard-steps">
        {WIZARD_STEPS.map((s, i) => {
          const reachable = i <= stepIndex(o.frontier);
          const here = s.key === step;
          const label = `${i + 1}. ${t(`steps.${s.key}`)}`;
          const style = here
            ? 'border-accent bg-accent font-semibold text-on-accent'
            : reachable ? 'border-control bg-surface text-fg' : 'border-line bg-surface-muted text-fg-muted';
          return (
            <li key={s.key} aria-current={here ? 'step' : undefined} className={`rounded-full border px-3 py-1 ${style}`}>
              {reachable && !here ? (
                <Link href={`/onboarding?step=${s.key}`} className="underline-offset-2 hover:underline">{label}</Link>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
