/**
 * Validates the configuration when the server starts, so a production start with a missing or malformed
 * secret stops at once with one line naming the variable instead of failing on first use.
 */
import { EnvError, getEnv } from './lib/env';

export function checkConfigurationAtStart(): void {
  try {
    const env = getEnv();
    if (env.ALLOW_INSECURE_LOCAL_ISSUERS) {
      console.warn(
        '\n  WARNING: ALLOW_INSECURE_LOCAL_ISSUERS=true — http and loopback issuers are accepted.\n' +
          '  Development and tests only: never set it in production.\n',
      );
    }
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
