/** Okta's `X-Rate-Limit-*` headers as numbers; `reset` is UTC epoch seconds. Absent or malformed → undefined. */
export type RateLimitSnapshot = { limit: number; remaining: number; reset: number };

export function parseRateLimitHeaders(headers: Headers): RateLimitSnapshot | undefined {
  const read = (name: string) => {
    const raw = headers.get(name);
    if (raw === null || !/^\d{1,12}$/.test(raw.trim())) return undefined;
    return Number(raw.trim());
  };
  const limit = read('x-rate-limit-limit');
  const remaining = read('x-rate-limit-remaining');
  const reset = read('x-rate-limit-reset');
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, reset };
}
