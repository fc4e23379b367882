/**
 * The paths `npm run bench` drives, each as autocannon requests against the running stack. Sign-ins use
 * fresh ID tokens minted by the stand-in (Okta Simplified), so every one passes the replay check; the signed-in
 * page uses a real session made by such a sign-in.
 */
import type { Options } from 'autocannon';
import { prepareCallbacks } from './bench-callbacks';
import type { BenchStack } from './bench-stack';

export type BenchPath = {
  name: string;
  /** Counts as a sign-in for "IdP calls per sign-in". */
  signIn?: boolean;
  /** Looks a tenant up: repeated with `--tenants N`. */
  lookup?: boolean;
  /** The answer that means success (anything else is counted as an error). */
  expect: number;
  options(stack: BenchStack, hint: { seconds: number; ratePerSecond: number }): Promise<Omit<Options, 'url' | 'connections' | 'duration'>>;
};

const form = { 'content-type': 'application/x-www-form-urlencoded' };

export const BENCH_PATHS: BenchPath[] = [
  { name: 'static /signed-out', expect: 200, options: async () => ({ requests: [{ method: 'GET', path: '/signed-out' }] }) },
  { name: 'dynamic / (no cookie)', expect: 200, options: async () => ({ requests: [{ method: 'GET', path: '/' }] }) },
  { name: 'GET /login', expect: 200, options: async () => ({ requests: [{ method: 'GET', path: '/login' }] }) },
  {
    name: 'SP start by slug',
    lookup: true,
    expect: 303,
    options: async () => ({ requests: [{ method: 'GET', path: '/api/auth/signin?tenant=acme' }] }),
  },
  {
    name: 'SP start by email domain',
    lookup: true,
    expect: 303,
    options: async () => ({ requests: [{ method: 'GET', path: `/api/auth/signin?org=${encodeURIComponent('alice@acme.test')}` }] }),
  },
  {
    name: 'initiate login URI',
    lookup: true,
    expect: 303,
    options: async (stack) => ({
      requests: [{ method: 'GET', path: `/api/auth/initiate?iss=${encodeURIComponent(stack.issuers.acme)}&tenant=acme` }],
    }),
  },
  {
    name: 'Okta Simplified POST',
    signIn: true,
    lookup: true,
    expect: 303,
    options: async (stack, hint) => {
      // Enough fresh tokens for the run at the rate seen so far (each is accepted once).
      const tokens = await mintTokens(stack, Math.min(20_000, Math.max(300, Math.ceil(hint.ratePerSecond * hint.seconds * 1.3)) + 20));
      let next = 0;
      return {
        requests: [
          {
            method: 'POST',
            path: '/api/auth/callback/okta',
            headers: { ...form, origin: stack.issuers.acme },
            setupRequest: (req) => ({ ...req, body: `id_token=${tokens[next++ % tokens.length]}` }),
          },
        ],
      };
    },
  },
  {
    name: 'SP callback (code → session)',
    signIn: true,
    expect: 303,
    options: async (stack, hint) => {
      // Codes live a minute at the stand-in: prepare about what the run uses, at the rate seen so far.
      const prepared = await prepareCallbacks(stack, Math.min(2_000, Math.max(100, Math.ceil(hint.ratePerSecond * hint.seconds * 0.6)) + 20));
      let next = 0;
      return {
        requests: [
          {
            method: 'GET',
            path: '/',
            setupRequest: (req) => {
              const callback = prepared[next++ % prepared.length]!;
              return { ...req, path: callback.path, headers: { cookie: callback.cookie } };
            },
          },
        ],
      };
    },
  },
  {
    name: 'signed-in page /t/acme-direct',
    expect: 200,
    options: async (stack) => ({ requests: [{ method: 'GET', path: '/t/acme-direct', headers: { cookie: await sessionCookie(stack) } }] }),
  },
];

/** Mints `count` ID tokens for the acme-direct app (Okta Simplified), 8 at a time, through the stand-in. */
export async function mintTokens(stack: BenchStack, count: number): Promise<string[]> {
  const tokens: string[] = [];
  const mint = async () => {
    while (tokens.length < count) {
      const response = await fetch(`${stack.issuers.acme}/__stand-in/mint-id-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ app: 'acme-direct' }),
      });
      tokens.push(((await response.json()) as { id_token: string }).id_token);
    }
  };
  await Promise.all(Array.from({ length: 8 }, mint));
  return tokens;
}

/** A session cookie from one Okta Simplified sign-in. */
async function sessionCookie(stack: BenchStack): Promise<string> {
  const [token] = await mintTokens(stack, 1);
  const response = await fetch(`${stack.appUrl}/api/auth/callback/okta`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...form, origin: stack.issuers.acme },
    body: `id_token=${token}`,
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (response.status !== 303 || cookies.length === 0) throw new Error(`sign-in for the session cookie failed: ${response.status}`);
  return cookies.join('; ');
}
