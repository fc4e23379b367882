/**
 * DNS TXT lookups for email-domain verification, through the servers the operator names in `DNS_SERVERS`
 * (else the system's). Answers what a verification needs: the records, "no such record", or "DNS failed".
 */
import { Resolver } from 'node:dns/promises';
import { getEnv } from '@/lib/env';

export type TxtLookup = { ok: true; records: string[] } | { ok: false; code: 'record_missing' | 'dns_error' };

const MISSING = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export async function resolveTxt(name: string): Promise<TxtLookup> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  const servers = getEnv().DNS_SERVERS;
  if (servers.length > 0) resolver.setServers(servers);
  try {
    // A TXT record may come in several character-strings: they are one value.
    const records = (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    return { ok: true, records };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { ok: false, code: MISSING.has(code) ? 'record_missing' : 'dns_error' };
  }
}
