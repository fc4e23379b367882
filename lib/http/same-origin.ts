/**
 * CSRF defence for state-changing route handlers that take browser forms: the request must come from
 * this app's own origin (Origin header, or Sec-Fetch-Site when Origin is absent). Server actions get the
 * same check from Next itself.
 */
export function isSameOriginRequest(headers: Headers, appUrl: string): boolean {
  const origin = headers.get('origin');
  if (origin) return origin === new URL(appUrl).origin;
  const site = headers.get('sec-fetch-site');
  return site === 'same-origin';
}
