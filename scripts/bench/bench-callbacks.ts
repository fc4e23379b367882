/**
 * Prepared SP callbacks for the bench: each is a real sign-in started at the app (`/api/auth/signin`) and
 * carried through the stand-in (sign-in form once, then its remembered session) up to the redirect back to
 * the app, which is not followed: its URL (code, state) and the app's transaction cookie are what the
 * callback path replays, each once.
 */
import type { BenchStack } from './bench-stack';

export type PreparedCallback = { path: string; cookie: string };

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);

export async function prepareCallbacks(stack: BenchStack, count: number): Promise<PreparedCallback[]> {
  const jar = new Map<string, string>(); // the stand-in's cookies (one browser, signed in once)
  const remember = (response: Response) => {
    for (const c of cookiesOf(response)) jar.set(c.slice(0, c.indexOf('=')), c);
  };
  const callbackPrefix = `${stack.appUrl}/api/auth/callback/okta`;

  const one = async (): Promise<PreparedCallback> => {
    const start = await fetch(`${stack.appUrl}/api/auth/signin?tenant=acme`, { redirect: 'manual' });
    const appCookie = cookiesOf(start).join('; ');
    let url = start.headers.get('location') ?? '';
    for (let hop = 0; hop < 10; hop++) {
      if (url.startsWith(callbackPrefix)) return { path: url.slice(stack.appUrl.length), cookie: appCookie };
      let response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar.values()].join('; ') } });
      remember(response);
      if (response.status === 200 && new URL(url).pathname.startsWith('/login/')) {
        response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar.values()].join('; ') },
          body: new URLSearchParams({ username: 'alice@acme.test', password: 'Passw0rd!' }).toString(),
        });
        remember(response);
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`stand-in sign-in stopped at ${response.status} ${url}`);
      url = new URL(location, url).toString();
    }
    throw new Error('stand-in sign-in: too many redirects');
  };

  const prepared = [await one()]; // the first signs in at the form; the rest reuse the stand-in's session
  const worker = async () => {
    while (prepared.length < count) prepared.push(await one());
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return prepared.slice(0, count);
}
