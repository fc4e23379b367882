'use client';
/**
 * The client authentication choice and the fields that depend on it: the client secret for the secret
 * methods, the JWKS URL for Public key / Private key. Without JavaScript both sections are shown (each says
 * which choice it is for) and the server uses the one that fits; with JavaScript only the chosen one is.
 */
import { useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { CopyValue } from '@/app/_components/copy-button';
import { TextField } from '@/app/_components/fields';

const noSubscription = () => () => {};

type Method = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

export function ClientAuthFields({ initial, hasSecret, jwksUri }: { initial: Method; hasSecret: boolean; jwksUri: string }) {
  const t = useTranslations('onboarding');
  const [method, setMethod] = useState<Method>(initial);
  // False in the server's HTML (no script yet), true once React runs in the browser.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const usesKey = method === 'private_key_jwt';
  const options: { value: Method; label: string; hint?: string }[] = [
    { value: 'client_secret_basic', label: t('connection.secretBasic'), hint: t('connection.secretBasicHint') },
    { value: 'client_secret_post', label: t('connection.secretPost') },
    { value: 'private_key_jwt', label: t('connection.privateKey'), hint: t('connection.privateKeyHint') },
  ];
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('connection.authLegend')}</legend>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2">
            <input type="radio" name="clientAuthMethod" value={o.value} defaultChecked={initial === o.value}
              onChange={(event) => event.currentTarget.checked && setMethod(o.value)} className="mt-1 accent-accent" />
            <span>
              <span className="font-medium">{o.label}</span>
              {o.hint ? <span className="block text-sm text-fg-muted">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <div hidden={scripted && usesKey} data-testid="secret-section" className="space-y-1 rounded-lg border border-line p-3">
        {scripted ? null : <p className="text-sm font-semibold">{t('connection.secretOnly')}</p>}
        <TextField label={t('connection.secret')} name="clientSecret" type="password" autoComplete="off"
          hint={hasSecret ? t('connection.secretSaved') : t('connection.secretNew')} />
      </div>
      <div hidden={scripted && !usesKey} data-testid="key-section" className="space-y-2 rounded-lg border border-line p-3">
        {scripted ? null : <p className="text-sm font-semibold">{t('connection.keyOnly')}</p>}
        <p className="text-sm text-fg">{t('connection.keyIntro')}</p>
        <CopyValue label={t('connection.jwksUri')} value={jwksUri} testId="value-jwks-uri-before" />
      </div>
    </>
  );
}
