/**
 * The periodic DNS re-check of email domains, started once per server process: every hour it re-checks the
 * domains not checked for a day (`recheckEmailDomains`), so a withdrawn TXT record stops routing within about
 * a day. The first run is an hour after start. Several instances may each run it; a check is idempotent.
 */
import { getLog } from '@/lib/log';
import { recheckEmailDomains } from './check-email-domain';

const HOUR_MS = 3600_000;
let timer: NodeJS.Timeout | undefined;

export function scheduleDomainRechecks(): void {
  if (timer) return;
  timer = setInterval(() => {
    recheckEmailDomains()
      .then((counts) => counts.checked && getLog().info(counts, 'email domains re-checked'))
      .catch((error: unknown) => getLog().error({ err: error }, 'email domain re-check failed'));
  }, HOUR_MS);
  timer.unref();
}
