/**
 * The app's configuration: the only module that reads `process.env`. Parsed once with zod.
 *
 * Production (`NODE_ENV=production`): every secret must be set; a missing or malformed one throws an
 * `EnvError` whose message is one line naming the variable. Development and tests: missing secrets are
 * generated once and kept in `<DATA_DIR>/dev-secrets.json`, so a restart keeps sessions and can still
 * decrypt stored client secrets.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

export class EnvError extends Error {
  override name = 'EnvError';
}

const base64Key = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** `DATA_ENCRYPTION_KEY`: `kid:base64key[,kid:base64key…]`; the first key encrypts, all of them decrypt. */
const encryptionKeys = z
  .string()
  .transform((value, ctx) => {
    const keys = value.split(',').map((entry) => {
      const [kid, key, extra] = entry.trim().split(':');
      return { kid: kid ?? '', key: key ?? '', extra };
    });
    for (const k of keys) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.kid) || k.extra !== undefined || !base64Key.safeParse(k.key).success) {
        ctx.addIssue({ code: 'custom', message: 'must be kid:base64-of-32-bytes, comma-separated (e.g. k1:…)' });
        return z.NEVER;
      }
    }
    if (new Set(keys.map((k) => k.kid)).size !== keys.length) {
      ctx.addIssue({ code: 'custom', message: 'key ids must be unique' });
      return z.NEVER;
    }
    return keys.map((k) => ({ kid: k.kid, key: Buffer.from(k.key, 'base64') }));
  });

const boolean = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => new URL(u).pathname === '/' && !new URL(u).search, 'must be an origin, without path or query')
    .transform((u) => new URL(u).origin)
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_ENCRYPTION_KEY: encryptionKeys.optional(),
  ALLOW_INSECURE_LOCAL_ISSUERS: boolean.default(false),
  /** How old an Okta Simplified ID token (by `iat`) may be when it arrives. */
  ID_TOKEN_POST_MAX_AGE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** Clock skew allowed on `exp`/`iat`/`nbf`. */
  CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  /** Timeout for each call to an IdP. */
  IDP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /**
   * Proxies in front of the app that append to X-Forwarded-For; the client IP is at most that many entries from
   * the right. Default 1, or 5 with `TRUSTED_PROXY_CIDRS` (which then decides).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).optional(),
  /**
   * Comma-separated CIDRs of the proxies in front of the app (`10.0.0.0/8,2001:db8::/32`): an X-Forwarded-For
   * hop is skipped as "our proxy" only when its address is in one of them. Empty: every hop within
   * `TRUSTED_PROXY_HOPS` is trusted.
   */
  TRUSTED_PROXY_CIDRS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const entries = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
      const cidrs: [string, number][] = [];
      for (const entry of entries) {
        try {
          const [address, bits] = ipaddr.parseCIDR(entry);
          cidrs.push([address.toString(), bits]);
        } catch {
          ctx.addIssue({ code: 'custom', message: `must be comma-separated CIDRs such as 10.0.0.0/8 (not "${entry.slice(0, 60)}")` });
          return z.NEVER;
        }
      }
      return cidrs;
    }),
  /**
   * DNS servers for email-domain verification, comma-separated `ip`, `ip:port` or `[ipv6]:port`
   * (Node's `dns.Resolver#setServers`); unset: the system's resolvers.
   */
  DNS_SERVERS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const servers = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      for (const server of servers) {
        const m = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+))(?::(\d{1,5}))?$/.exec(server) ?? /^([0-9a-fA-F:]+)$/.exec(server);
        const host = m ? (m[1] ?? m[2]) : undefined;
        const port = m?.[3] ? Number(m[3]) : 53;
        if (!host || isIP(host) === 0 || port < 1 || port > 65535) {
          ctx.addIssue({ code: 'custom', message: 'must be IP addresses with optional ports, e.g. 1.1.1.1,127.0.0.1:5353,[::1]:53' });
          return z.NEVER;
        }
      }
      return servers;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Operator overrides of the rate-limit policies (lib/rate-limit/policies.ts), as JSON:
   * `{"signin.start.tenant":{"limit":100,"ceiling":1000}}`. Names are checked against the policies at first use.
   */
  RATE_LIMIT_OVERRIDES: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw?.trim()) return {};
      const entry = z.object({
        limit: z.number().int().min(1).max(1_000_000).optional(),
        ceiling: z.number().int().min(1).max(1_000_000).optional(),
        windowSeconds: z.number().int().min(1).max(86_400).optional(),
      }).strict();
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"signin.start.tenant":{"limit":100}}' });
        return z.NEVER;
      }
      const parsed = z.record(z.string(), entry).safeParse(json);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `must map policy names to {limit?, ceiling?, windowSeconds?} (${parsed.error.issues[0]?.message})` });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

export type Env = Omit<z.output<typeof schema>, 'APP_URL' | 'AUTH_SECRET' | 'DATA_ENCRYPTION_KEY' | 'TRUSTED_PROXY_HOPS'> & {
  APP_URL: string;
  TRUSTED_PROXY_HOPS: number;
  AUTH_SECRET: string;
  DATA_ENCRYPTION_KEY: { kid: string; key: Buffer }[];
  isProduction: boolean;
};

/** Parses an environment. Pure but for the development secrets file; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new EnvError(`Invalid configuration: ${name} ${issue.message}`);
  }
  const parsed = result.data;
  const isProduction = parsed.NODE_ENV === 'production';
  const appUrl = parsed.APP_URL ?? (isProduction ? undefined : `http://localhost:${parsed.PORT}`);
  if (!appUrl) throw new EnvError('Missing configuration: APP_URL must be set in production (e.g. https://app.example.com)');
  if (isProduction && parsed.ALLOW_INSECURE_LOCAL_ISSUERS && !['localhost', '127.0.0.1', '[::1]'].includes(new URL(appUrl).hostname)) {
    throw new EnvError('Invalid configuration: ALLOW_INSECURE_LOCAL_ISSUERS must not be true in production (only for development and tests on loopback)');
  }

  let authSecret = parsed.AUTH_SECRET;
  let keys = parsed.DATA_ENCRYPTION_KEY;
  if (!authSecret || !keys) {
    if (isProduction) {
      const name = !authSecret ? 'AUTH_SECRET' : 'DATA_ENCRYPTION_KEY';
      throw new EnvError(`Missing configuration: ${name} must be set in production (see README "Configuration")`);
    }
    const dev = loadDevSecrets(parsed.DATA_DIR);
    authSecret ??= dev.AUTH_SECRET;
    keys ??= [{ kid: 'dev', key: Buffer.from(dev.DATA_ENCRYPTION_KEY, 'base64') }];
  }
  const hops = parsed.TRUSTED_PROXY_HOPS ?? (parsed.TRUSTED_PROXY_CIDRS.length > 0 ? 5 : 1);
  return { ...parsed, APP_URL: appUrl, AUTH_SECRET: authSecret, DATA_ENCRYPTION_KEY: keys, TRUSTED_PROXY_HOPS: hops, isProduction };
}

function loadDevSecrets(dataDir: string): { AUTH_SECRET: string; DATA_ENCRYPTION_KEY: string } {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process generated them first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8'));
    throw error;
  }
  return secrets;
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. Throws `EnvError` (one line) when it is invalid. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
