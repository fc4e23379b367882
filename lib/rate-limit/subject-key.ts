/**
 * The counter key of a request under a policy. IPv6 clients count by /64 (one household or host has a
 * whole /64, so per-address counting would let it rotate addresses); IPv4 by address. No address known
 * (no proxy header) → one shared `unknown` bucket, which is why production sits behind a proxy that sets
 * `X-Forwarded-For`.
 */
import ipaddr from 'ipaddr.js';

export function ipKey(ip: string | null | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown';
  const parsed = ipaddr.process(ip);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
