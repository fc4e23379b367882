/**
 * Return targets (`target_link_uri`, `returnTo`): only paths of this app, so no parameter can turn sign-in
 * into an open redirect. An absolute URL on the app's own origin is reduced to its path; everything else —
 * other origins, protocol-relative `//host`, `/\host` (browsers read `\` as `/`), `javascript:`, control
 * characters, our own auth endpoints (loops) — is refused with a reason for the log.
 */
export type ReturnTarget = { ok: true; path: string } | { ok: false; reason: string };

const MAX_LENGTH = 2048;

export function parseReturnTarget(value: string | null | undefined, appOrigin: string): ReturnTarget {
  if (value === null || value === undefined || value === '') return { ok: false, reason: 'absent' };
  if (value.length > MAX_LENGTH) return { ok: false, reason: 'too long' };
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return { ok: false, reason: 'control character or backslash' };

  let url: URL;
  if (value.startsWith('/')) {
    if (value.startsWith('//')) return { ok: false, reason: 'protocol-relative URL' };
    url = new URL(value, appOrigin);
  } else {
    try {
      url = new URL(value);
    } catch {
      return { ok: false, reason: 'not a path or absolute URL' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `scheme ${url.protocol}` };
    if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  }
  if (url.origin !== appOrigin) return { ok: false, reason: `other origin ${url.origin}` };
  // Checked again after normalisation: `/.//evil`, `/..//evil` and `https://app//evil` all become `//evil`.
  if (url.pathname.startsWith('//')) return { ok: false, reason: 'protocol-relative path after normalisation' };
  if (url.pathname.startsWith('/api/')) return { ok: false, reason: 'API path' };
  return { ok: true, path: `${url.pathname}${url.search}${url.hash}` };
}
