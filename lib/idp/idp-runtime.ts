/**
 * The process's outbound side towards IdPs: one hardened fetch (https only, no private addresses, timeout,
 * size cap) and one bounded discovery/JWKS cache shared by every request of this instance.
 */
import { registerCacheMetrics } from '@/lib/cache/lru-cache';
import { getEnv } from '@/lib/env';
import { IssuerCache } from '@/lib/oidc/issuer-cache';
import { createSafeFetch } from '@/lib/oidc/safe-fetch';

const MAX_IDP_RESPONSE_BYTES = 512 * 1024;

type Runtime = { fetch: typeof fetch; cache: IssuerCache; allowInsecureLocal: boolean };
const holder = globalThis as unknown as { __idpRuntime?: Runtime };

export function getIdpRuntime(): Runtime {
  if (!holder.__idpRuntime) {
    const env = getEnv();
    const safeFetch = createSafeFetch({
      allowInsecureLocal: env.ALLOW_INSECURE_LOCAL_ISSUERS,
      timeoutMs: env.IDP_TIMEOUT_MS,
      maxBytes: MAX_IDP_RESPONSE_BYTES,
    });
    holder.__idpRuntime = {
      fetch: safeFetch,
      cache: new IssuerCache({ fetch: safeFetch, allowInsecureLocal: env.ALLOW_INSECURE_LOCAL_ISSUERS }),
      allowInsecureLocal: env.ALLOW_INSECURE_LOCAL_ISSUERS,
    };
    const cache = holder.__idpRuntime.cache;
    registerCacheMetrics('issuers (discovery, JWKS)', () => cache.metrics());
  }
  return holder.__idpRuntime;
}
