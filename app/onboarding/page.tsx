import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/app/_components/action-form';
import { CopyValue } from '@/app/_components/copy-button';
import { Card, Radio, TextField } from '@/app/_components/fields';
import { getEnv } from '@/lib/env';
import { INVITATION_REFUSALS } from '@/lib/invitations/invitation-status';
import { describeConnectionFailure, type ConnectionCheckCode } from '@/lib/onboarding/discovery-messages';
import { currentOnboarding } from '@/lib/onboarding/onboarding-cookie';
import { tileChoiceOf } from '@/lib/onboarding/onboarding-schemas';
import { WIZARD_STEPS, stepIndex, type Onboarding, type WizardStep } from '@/lib/onboarding/onboarding-state';
import { OKTA_APP_SETTINGS, TILE_MODES, oktaAppValues } from '@/lib/oin/oin-values';
import { getPublicJwks } from '@/lib/tenants/tenant-keys';
import { activateAction, recheckAction, saveConnectionAction, saveOrganizationAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Connect your organization' };

type Props = { searchParams: Promise<{ step?: string }> };

/** The onboarding wizard: six steps, each validated on the server, resumable in the browser that claimed the invitation. */
export default async function OnboardingPage({ searchParams }: Props) {
  const current = await currentOnboarding();
  const stepParam = (await searchParams).step;
  if (!current.ok) {
    const refusal = current.reason === 'none' ? null : INVITATION_REFUSALS[current.reason];
    return (
      <Card title={refusal?.title ?? 'Open your invitation link to start'} testId="onboarding-unavailable">
        <p className="text-fg-muted">
          {refusal?.message ?? 'The setup starts from the invitation link you were sent. It continues in the browser where you opened it.'}
        </p>
        <Link href="/guide" className="text-accent underline">Read the configuration guide</Link>
      </Card>
    );
  }
  const o = current.onboarding;
  const requested = WIZARD_STEPS.find((s) => s.key === stepParam)?.key;
  const step: WizardStep = requested && stepIndex(requested) <= stepIndex(o.frontier) ? requested : o.frontier;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Connect {o.displayName ?? 'your organization'} to your Okta</h1>
        <p className="mt-1 text-sm text-fg-muted">
          Everything you need is on these pages; the <Link href="/guide" className="text-accent underline">configuration guide</Link> has the same steps in one place.
        </p>
      </div>
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => {
          const reachable = i <= stepIndex(o.frontier);
          const label = `${i + 1}. ${s.title}`;
          return (
            <li key={s.key} aria-current={s.key === step ? 'step' : undefined}
              className={`rounded-full px-3 py-1 ${s.key === step ? 'bg-accent text-on-accent' : reachable ? 'bg-accent-soft text-accent' : 'bg-surface-muted text-fg-muted'}`}>
              {reachable && s.key !== step ? <Link href={`/onboarding?step=${s.key}`}>{label}</Link> : label}
            </li>
          );
        })}
      </ol>
      <StepView step={step} o={o} />
    </div>
  );
}

async function StepView({ step, o }: { step: WizardStep; o: Onboarding }) {
  const values = oktaAppValues(getEnv().APP_URL);
  const slug = o.slug ?? 'your-org';
  switch (step) {
    case 'organization':
      return (
        <Card title="1. Your organization">
          <ActionForm action={saveOrganizationAction} submitLabel="Save and continue">
            <TextField label="Organization name" name="displayName" defaultValue={o.displayName} required maxLength={64} />
            <TextField label="Short name" name="slug" defaultValue={o.slug} required maxLength={40}
              hint="2–40 characters: lowercase letters, digits and inner hyphens. It appears in your sign-in links." />
          </ActionForm>
        </Card>
      );
    case 'okta':
      return (
        <Card title="2. Create the app in Okta" testId="okta-instructions">
          <ol className="list-decimal space-y-2 pl-5 text-fg">
            <li>In the Okta Admin Console open <b>Applications → Applications → Create App Integration</b>.</li>
            <li>Sign-in method: <b>{OKTA_APP_SETTINGS.signInMethod}</b>. Application type: <b>{OKTA_APP_SETTINGS.applicationType}</b>.</li>
            <li>Grant type: <b>{OKTA_APP_SETTINGS.grantType}</b> only (leave Refresh Token off).</li>
            <li>Paste these values:</li>
          </ol>
          <CopyValue label="Sign-in redirect URI" value={values.signInRedirectUri} testId="value-redirect-uri" />
          <CopyValue label="Sign-out redirect URI" value={values.signOutRedirectUri} testId="value-signout-uri" />
          <CopyValue label="Initiate login URI" value={values.initiateLoginUri(slug)} testId="value-initiate-uri" />
          <p className="text-sm text-fg-muted">
            It names your organization (<code>tenant={slug}</code>): keep it exactly so, or the tile cannot find you.
          </p>
          <h3 className="font-semibold">Tile: how people may start from Okta</h3>
          <ul className="space-y-2">
            {TILE_MODES.map((m) => (
              <li key={m.title} className="rounded-lg border border-line p-3">
                <div className="font-medium">{m.title}</div>
                <div className="text-sm text-fg-muted">In Okta: {m.okta}</div>
                <div className="text-sm">{m.meaning}</div>
              </li>
            ))}
          </ul>
          <p className="text-fg">Then assign the people who may use the app (Assignments tab), and keep the page open: you need the <b>Client ID</b> next.</p>
          <Link href="/onboarding?step=connection" className="inline-block rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">I have created the app</Link>
        </Card>
      );
    case 'connection': {
      const t = o.tenant;
      const jwks = t?.clientAuthMethod === 'private_key_jwt' ? await getPublicJwks(t.id) : null;
      return (
        <div className="space-y-6">
          <Card title="3. Connect your Okta">
            <ActionForm action={saveConnectionAction} submitLabel="Check and save">
              <TextField label="Okta domain or issuer" name="issuer" defaultValue={t?.issuer} required placeholder="https://your-org.okta.com" />
              <TextField label="Client ID" name="clientId" defaultValue={t?.clientId} required maxLength={200} />
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">Client authentication (as chosen in Okta)</legend>
                <Radio name="clientAuthMethod" value="client_secret_basic" label="Client secret" hint="Okta’s default. Paste the secret below; it is stored encrypted and never shown again."
                  defaultChecked={!t || t.clientAuthMethod === 'client_secret_basic'} />
                <Radio name="clientAuthMethod" value="client_secret_post" label="Client secret, sent in the request body"
                  defaultChecked={t?.clientAuthMethod === 'client_secret_post'} />
                <Radio name="clientAuthMethod" value="private_key_jwt" label="Public key / Private key"
                  hint={`The app makes a key pair for you; give Okta its JWKS URL ${values.jwksUri(slug)} (or the public key shown after saving).`}
                  defaultChecked={t?.clientAuthMethod === 'private_key_jwt'} />
              </fieldset>
              <TextField label="Client secret" name="clientSecret" type="password"
                hint={t?.hasClientSecret ? 'A secret is saved. Leave empty to keep it.' : 'Only for client secret authentication.'} />
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">Tile (as chosen in Okta)</legend>
                {(['none', 'redirect', 'id_token'] as const).map((choice, i) => (
                  <Radio key={choice} name="tile" value={choice} label={TILE_MODES[i]!.title}
                    defaultChecked={(t ? tileChoiceOf(t) : 'none') === choice} />
                ))}
              </fieldset>
            </ActionForm>
          </Card>
          {jwks ? (
            <Card title="Give Okta the app’s public key" testId="public-key">
              <p className="text-fg">
                In Okta, under <b>Client Credentials → Public key / Private key</b>, choose <b>Use a URL to fetch keys dynamically</b> and paste the JWKS URL — or add the public key below. The private key never leaves this app.
              </p>
              <CopyValue label="JWKS URL" value={values.jwksUri(slug)} testId="value-jwks-uri" />
              <CopyValue label="Public key (JWK)" value={JSON.stringify(jwks.keys[0], null, 2)} testId="value-public-jwk" />
              <Link href="/onboarding?step=check" className="inline-block rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">Continue</Link>
            </Card>
          ) : null}
        </div>
      );
    }
    case 'check': {
      const t = o.tenant!;
      const failed = t.lastDiscoveryCheckCode;
      return (
        <Card title="4. Check the connection" testId="connection-check">
          {failed ? (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-danger">{describeConnectionFailure(failed as ConnectionCheckCode)}</p>
          ) : (
            <p role="status" className="rounded-lg bg-success-soft px-3 py-2 text-success">
              Your Okta answered correctly: issuer <code>{t.issuer}</code>, an Okta org authorization server with RS256 signing keys.
            </p>
          )}
          <div className="flex gap-3">
            <ActionForm action={recheckAction} submitLabel="Check again" variant="secondary" />
            {!failed ? <Link href="/onboarding?step=test" className="self-end rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">Continue to the test sign-in</Link> : null}
          </div>
        </Card>
      );
    }
    case 'test':
      return (
        <Card title="5. Test sign-in" testId="test-sign-in">
          <p className="text-fg">
            Sign in through your Okta with your own account (it must be assigned to the app). The app shows what Okta sent, and
            that identity becomes the first administrator of {o.displayName}. A successful test sign-in also proves that this Okta app is
            yours: only then (and once active) does the Okta tile sign anyone in to {o.displayName}. Other people cannot sign in until you activate.
          </p>
          {o.testClaims ? (
            <dl className="grid grid-cols-[8rem_1fr] gap-2 rounded-lg border border-success bg-success-soft p-4" data-testid="test-claims">
              <dt className="text-sm text-fg-muted">Subject (sub)</dt><dd className="font-mono text-sm" data-testid="claim-sub">{o.testClaims.sub}</dd>
              <dt className="text-sm text-fg-muted">Email</dt><dd data-testid="claim-email">{o.testClaims.email ?? '—'}</dd>
              <dt className="text-sm text-fg-muted">Name</dt><dd data-testid="claim-name">{o.testClaims.name ?? '—'}</dd>
              <dt className="text-sm text-fg-muted">Issuer</dt><dd className="font-mono text-sm" data-testid="claim-issuer">{o.testClaims.iss}</dd>
            </dl>
          ) : null}
          <div className="flex gap-3">
            <form method="post" action="/onboarding/test-sign-in">
              <button type="submit" className="rounded-lg border border-control bg-surface px-4 py-2 font-medium hover:bg-surface-muted">
                {o.testClaims ? 'Test again' : 'Sign in with Okta to test'}
              </button>
            </form>
            {o.testClaims ? <Link href="/onboarding?step=activate" className="rounded-lg bg-accent px-4 py-2 font-medium text-on-accent">Continue</Link> : null}
          </div>
        </Card>
      );
    case 'activate':
      return (
        <Card title="6. Activate" testId="activate">
          <p className="text-fg">
            Activating lets everyone your Okta assigns to the app sign in to {o.displayName}. You, {o.testClaims?.email ?? o.testClaims?.sub},
            are its administrator and will land in the administration area.
          </p>
          <ActionForm action={activateAction} submitLabel={`Activate ${o.displayName}`} />
        </Card>
      );
  }
}
