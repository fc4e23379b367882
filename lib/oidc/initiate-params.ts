/**
 * Parameters of a third-party-initiated login (OIDC Core §4), from a GET query or a POST form: `iss`
 * required (an absolute URL; matched exactly against tenants elsewhere), `login_hint` and `target_link_uri`
 * optional, plus `tenant=<slug>` for one Okta org holding several app instances (empty means absent).
 * Unknown parameters are ignored; a repeated parameter with different values is refused.
 */
export type InitiateParams = {
  iss: string;
  tenant: string | null;
  loginHint: string | null;
  targetLinkUri: string | null;
};

export type InitiateParse = { ok: true; value: InitiateParams } | { ok: false; reason: string };

const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseInitiateParams(params: URLSearchParams): InitiateParse {
  const single = (name: string): { value: string | null } | { conflict: true } => {
    const values = [...new Set(params.getAll(name))];
    if (values.length > 1) return { conflict: true };
    const value = values[0]?.trim();
    return { value: value ? value : null };
  };
  const iss = single('iss');
  const tenant = single('tenant');
  const loginHint = single('login_hint');
  const target = single('target_link_uri');
  for (const [name, v] of Object.entries({ iss, tenant, login_hint: loginHint, target_link_uri: target })) {
    if ('conflict' in v) return { ok: false, reason: `${name} given more than once` };
  }
  const issValue = (iss as { value: string | null }).value;
  if (!issValue) return { ok: false, reason: 'iss missing' };
  if (issValue.length > 1024 || CONTROL.test(issValue)) return { ok: false, reason: 'iss malformed' };
  let issUrl: URL;
  try {
    issUrl = new URL(issValue);
  } catch {
    return { ok: false, reason: 'iss is not a URL' };
  }
  if (!['https:', 'http:'].includes(issUrl.protocol) || issUrl.username || issUrl.password || issUrl.search || issUrl.hash) {
    return { ok: false, reason: 'iss is not an issuer URL' };
  }
  const tenantValue = (tenant as { value: string | null }).value;
  if (tenantValue !== null && !/^[a-z0-9-]{1,40}$/i.test(tenantValue)) return { ok: false, reason: 'tenant malformed' };
  const hint = (loginHint as { value: string | null }).value;
  return {
    ok: true,
    value: {
      iss: issValue,
      tenant: tenantValue?.toLowerCase() ?? null,
      // A hint is only a convenience: drop one that is unusable rather than refuse the sign-in.
      loginHint: hint && hint.length <= 256 && !CONTROL.test(hint) ? hint : null,
      targetLinkUri: (target as { value: string | null }).value,
    },
  };
}
