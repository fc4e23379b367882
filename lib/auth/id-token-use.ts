/**
 * Single use of ID tokens, for every flow that makes a session: the key under which a token is recorded in
 * `UsedIdToken` (primary key (issuer, jti)). A token with a usable `jti` is keyed by it, so the same token
 * arriving through another flow (a code-flow token POSTed to the Okta Simplified endpoint, the one in a
 * logout URL) collides with its first use; one without (allowed on the code path) by a hash of the token.
 * Over-long `jti`s are hashed too, so an index entry stays small.
 */
import { createHash } from 'node:crypto';

const MAX_JTI_LENGTH = 200;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export function idTokenUseKey(idToken: string, jti: string | undefined): string {
  if (typeof jti === 'string' && jti.length > 0) return jti.length <= MAX_JTI_LENGTH ? jti : `jti-sha256:${sha256(jti)}`;
  return `token-sha256:${sha256(idToken)}`;
}
