/**
 * The process logger (pino, JSON lines). Secrets are redacted by key wherever they appear, so a careless
 * `log.info({ tenant })` cannot print a client secret, a token or a password.
 */
import pino from 'pino';
import { getEnv } from './env';

const REDACT = [
  'clientSecret', 'client_secret', 'clientSecretCipher', 'secret', 'password', 'privateKey',
  'id_token', 'idToken', 'access_token', 'code_verifier', 'codeVerifier', 'authorization', 'cookie',
].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

let logger: pino.Logger | undefined;

export function getLog(): pino.Logger {
  logger ??= pino({
    level: safeLevel(),
    base: { app: 'okta-oin-saas' },
    redact: { paths: REDACT, censor: '[redacted]' },
  });
  return logger;
}

function safeLevel(): string {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    return 'info';
  }
}
