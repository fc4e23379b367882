import type { Metadata } from 'next';
import { brand } from '@/lib/branding/brand';
import { getEnv } from '@/lib/env';
import { OKTA_APP_SETTINGS, TILE_MODES, oktaAppValues } from '@/lib/oin/oin-values';
import { OinValuesSection } from './oin-values-section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Configuration guide' };

/**
 * The public configuration guide (the OIN submission's "configuration guide URL"): how a customer admin sets
 * the app up in Okta, with this deployment's real values, built from the same constants the wizard uses.
 */
export default function GuidePage() {
  const v = oktaAppValues(getEnv().APP_URL);
  const code = 'rounded bg-surface-muted px-1.5 py-0.5 font-mono text-sm';
  return (
    <article className="prose-slate max-w-3xl space-y-6 leading-relaxed">
      <header>
        <h1 className="text-3xl font-bold">Configuring {brand.productName} with Okta</h1>
        <p className="mt-2 text-fg-muted">
          For Okta administrators of a customer organization. {brand.productName} signs your people in with your own Okta org
          (OpenID Connect, authorization code flow); each organization connects its own app integration.
        </p>
      </header>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Supported features</h2>
        <ul className="list-disc pl-6">
          <li>SP-initiated sign-in (from {brand.productName}&apos;s sign-in page, by organization name or work email)</li>
          <li>IdP-initiated sign-in from the Okta End-User Dashboard tile: redirect to the app (OIDC Compliant) or ID token sent directly (Okta Simplified)</li>
          <li>Just-in-time provisioning of users on their first sign-in; sign-out through Okta</li>
          <li>Optional user consent run by {brand.productName}, recorded and revocable</li>
        </ul>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Requirements</h2>
        <p>An Okta administrator account, and an invitation link from {brand.productName} (ask {brand.supportEmail}).</p>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Step 1 — Create the app integration in Okta</h2>
        <ol className="list-decimal space-y-2 pl-6">
          <li>Admin Console → <b>Applications → Applications → Create App Integration</b>.</li>
          <li>Sign-in method <b>{OKTA_APP_SETTINGS.signInMethod}</b>, application type <b>{OKTA_APP_SETTINGS.applicationType}</b>.</li>
          <li>Grant type: <b>{OKTA_APP_SETTINGS.grantType}</b>. Leave Refresh Token off.</li>
          <li>Sign-in redirect URI: <code className={code} data-testid="guide-redirect-uri">{v.signInRedirectUri}</code> (first in the list).</li>
          <li>Sign-out redirect URI: <code className={code} data-testid="guide-signout-uri">{v.signOutRedirectUri}</code>.</li>
          <li>
            Initiate login URI: <code className={code} data-testid="guide-initiate-uri">{v.initiateLoginUri('<your short name>')}</code>, with your
            organization&apos;s short name (the setup wizard and the admin pages show it filled in). In the OIN registration it is{' '}
            <code className={code}>{v.initiateLoginUriOin}</code>.
          </li>
          <li>Assignments: assign the people or groups who may use {brand.productName}.</li>
        </ol>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Step 2 — Choose how the Okta tile works</h2>
        <table className="w-full border-collapse text-sm">
          <thead><tr className="border-b text-left"><th className="py-2 pr-4">Choice</th><th className="py-2 pr-4">Okta settings</th><th className="py-2">What it means</th></tr></thead>
          <tbody>
            {TILE_MODES.map((m) => (
              <tr key={m.title} className="border-b align-top"><td className="py-2 pr-4 font-medium">{m.title}</td><td className="py-2 pr-4">{m.okta}</td><td className="py-2">{m.meaning}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Step 3 — Client authentication</h2>
        <ul className="list-disc space-y-1 pl-6">
          <li><b>Client secret</b> (Okta&apos;s default): copy the secret into {brand.productName}. It is stored encrypted and never displayed again.</li>
          <li>
            <b>Public key / Private key</b>: {brand.productName} generates a key pair for your organization and shows its public key and a JWKS
            URL of the form <code className={code}>{v.jwksUri('<your short name>')}</code> to enter in Okta. The private key never leaves the app.
          </li>
        </ul>
        <p>Scopes: <code className={code}>openid</code> always; {OKTA_APP_SETTINGS.scopes.slice(1).join(', ')} optional. {brand.productName} never asks for offline access.</p>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Step 4 — Connect, test and activate in {brand.productName}</h2>
        <ol className="list-decimal space-y-2 pl-6">
          <li>Open your invitation link and enter your organization&apos;s name and short name.</li>
          <li>Enter your Okta domain (e.g. <code className={code}>https://your-org.okta.com</code>), the client ID and the client authentication. {brand.productName} checks your Okta&apos;s discovery document and keys and tells you exactly what to fix if something is off.</li>
          <li>Run the test sign-in with your own Okta account: you see the claims Okta sent, and you become the organization&apos;s first administrator.</li>
          <li>Activate. Your people can now sign in at <code className={code}>{v.signInRedirectUri.replace(/\/api\/auth\/callback\/okta$/, '/login')}</code> or from the Okta tile.</li>
        </ol>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Rotating the client secret or key</h2>
        <p>
          In Okta, generate a second client secret (Okta keeps two active), then save it in {brand.productName} under <b>Administration → Credentials</b>.
          Sign-in keeps working with either secret. Deactivate the old secret in Okta, then choose <b>Finish rotation</b>. Keys rotate the same way:
          add a new key (it appears at the JWKS URL), then activate it.
        </p>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">User consent (optional)</h2>
        <p>
          Okta shows no consent screen for apps in the Okta Integration Network, so {brand.productName} can ask your people itself. Under{' '}
          <b>Administration → Consent</b>, turn consent on and write a short statement: what the app receives from Okta and why, with links to
          your terms and privacy notice. Choose which data items the app keeps (name and username with <i>profile</i>, email with <i>email</i>,
          address, phone); anything else in the sign-in is not stored.
        </p>
        <p>
          On their next sign-in each person sees your statement and agrees or declines; the pending sign-in waits 10 minutes in the same browser.
          Declining creates no session. A material change publishes a new version: tick <b>require existing users to consent again</b> to ask
          everyone once more. The page shows, per version, how many people agreed, declined or have not answered yet, and exports every grant
          (CSV or JSON) as evidence. People withdraw their consent on their account page; that signs them out at once.
        </p>
        <p>
          This is separate from Okta&apos;s own refusals: &ldquo;User is not assigned&rdquo; or <code className={code}>consent_required</code> come from Okta and
          are fixed there.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Rate limits</h2>
        <p>
          Sign-ins of your organization have their own limit in {brand.productName}, so no other customer can slow yours down. Administrators see
          the current use and may change the limit, up to the operator&apos;s ceiling, under <b>Administration → Rate limits</b>. If your Okta org
          answers &ldquo;too many requests&rdquo;, {brand.productName} pauses its calls to your org until Okta&apos;s reset time and tells people when to try again.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Universal Logout</h2>
        <p>
          When Okta ends a person&apos;s sessions (an admin clears them, the person is deactivated, or Identity Threat Protection detects a
          risk), Okta sends {brand.productName} a signed request at <code className={code} data-testid="guide-universal-logout-uri">{v.universalLogoutUri}</code>.
          Every session of that person in your organization ends at once, and the audit log records it. Requests are accepted only when signed by
          your own Okta org, for your app instance, about one of your people.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Access for Okta&apos;s reviewers</h2>
        <p>
          {brand.productName} has no local passwords: reviewers sign in through Okta like everyone else. The operator registers the reviewer&apos;s
          Okta account (its user id in the review org) as an administrator of a review organization before their first sign-in; see the integration
          values below for what reviewers are told.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Troubleshooting</h2>
        <ul className="list-disc pl-6">
          <li>&ldquo;User is not assigned to the client application&rdquo;: assign the person to the app in Okta.</li>
          <li>&ldquo;Several organizations use this Okta&rdquo;: add <code className={code}>?tenant=&lt;your short name&gt;</code> to the initiate login URI.</li>
          <li>Anything else: {brand.supportEmail}, with the error code and request id shown on the page.</li>
        </ul>
      </section>
      <OinValuesSection />
    </article>
  );
}
