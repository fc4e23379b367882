/** Which step a wizard request shows: the one asked for when it is reachable, else the furthest reachable one. */
import { WIZARD_STEPS, stepIndex, type Onboarding, type WizardStep } from '@/lib/onboarding/onboarding-state';

export function shownStep(o: Onboarding, requested: string | undefined): WizardStep {
  const asked = WIZARD_STEPS.find((s) => s.key === requested)?.key;
  return asked && stepIndex(asked) <= stepIndex(o.frontier) ? asked : o.frontier;
}
