/**
 * Runs when the server starts: prints the Node version (the supported one is 24, see lib/runtime), installs
 * the graceful shutdown hooks, and validates the configuration, so a production start with a missing or
 * malformed secret stops at once with one line naming the variable instead of failing on first use.
 */
import { EnvError, getEnv } from './lib/env';
import { installGracefulShutdown } from './lib/operations/graceful-shutdown';
import { describeRuntime } from './lib/runtime/node-runtime';

export function checkConfigurationAtStart(): void {
  console.log(describeRuntime('server'));
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
  installGracefulShutdown();
}
