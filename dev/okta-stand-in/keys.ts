/** Signing keys of a stand-in org and the JWT signer used outside oidc-provider (tile launches, mint-id-token). */
import { randomBytes } from 'node:crypto';
import {
  base64url,
  calculateJwkThumbprint,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { JsonWebKeyWithKid } from './types';

export type OrgSigningKey = {
  kid: string;
  /** Private JWK for oidc-provider's `jwks` configuration (`alg: RS256`, `use: sig`). */
  privateJwk: JsonWebKeyWithKid;
  /** Public JWK as served at `/oauth2/v1/keys`. */
  publicJwk: JsonWebKeyWithKid;
  /** The public key in SPKI PEM (used for the HMAC "algorithm confusion" test tokens). */
  publicPem: string;
  /** Imported private keys by algorithm. */
  keyFor(alg: string): Promise<CryptoKey>;
};

const RSA_PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

/** Generates a fresh RS256 key (2048 bits), or takes the given private JWK; `kid` is the JWK thumbprint when absent. */
export async function createOrgSigningKey(given?: JsonWebKeyWithKid): Promise<OrgSigningKey> {
  let jwk: JWK;
  if (given) {
    if (given.kty !== 'RSA' || typeof given.d !== 'string') {
      throw new Error('signingKey must be a private RSA JWK');
    }
    jwk = { ...(given as JWK) };
  } else {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    jwk = await exportJWK(privateKey);
  }
  const kid = typeof jwk.kid === 'string' && jwk.kid ? jwk.kid : await calculateJwkThumbprint(jwk);
  const privateJwk: JsonWebKeyWithKid = { ...jwk, kty: 'RSA', kid, alg: 'RS256', use: 'sig' };
  const publicJwk: JsonWebKeyWithKid = Object.fromEntries(
    Object.entries(privateJwk).filter(([member]) => !RSA_PRIVATE_MEMBERS.includes(member)),
  ) as JsonWebKeyWithKid;
  const publicPem = await exportSPKI((await importJWK({ ...publicJwk, alg: 'RS256' } as JWK, 'RS256', { extractable: true })) as CryptoKey);

  const imported = new Map<string, Promise<CryptoKey>>();
  const keyFor = (alg: string) => {
    let key = imported.get(alg);
    if (!key) {
      // Without its `alg`/`use` members the same RSA key imports for any RSA algorithm.
      const bare = Object.fromEntries(Object.entries(privateJwk).filter(([member]) => member !== 'alg' && member !== 'use'));
      key = importJWK(bare as JWK, alg) as Promise<CryptoKey>;
      imported.set(alg, key);
    }
    return key;
  };
  return { kid, privateJwk, publicJwk, publicPem, keyFor };
}

/** An RSA key pair that is NOT in the org's JWKS (for "signed by someone else" tests), plus an EC key on demand. */
export type ForeignKeys = {
  rsa: OrgSigningKey;
  ec(): Promise<{ kid: string; key: CryptoKey }>;
};

export async function createForeignKeys(): Promise<ForeignKeys> {
  const rsa = await createOrgSigningKey();
  let ec: Promise<{ kid: string; key: CryptoKey }> | undefined;
  return {
    rsa,
    ec() {
      ec ??= (async () => {
        const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
        return { kid: await calculateJwkThumbprint(await exportJWK(publicKey)), key: privateKey };
      })();
      return ec;
    },
  };
}

export function newIdTokenJti(): string {
  // Okta's ID token `jti` looks like `ID.` followed by a random base64url string.
  return `ID.${randomBytes(32).toString('base64url')}`;
}

export type SignOptions = {
  alg: string;
  /** `null` leaves `kid` out of the header. */
  kid: string | null;
  key: CryptoKey | Uint8Array | 'none';
};

/** Signs `payload` exactly as given (no claims added): the caller decides iss/aud/exp/… */
export async function signJwt(payload: JWTPayload, options: SignOptions): Promise<string> {
  const header: Record<string, unknown> = { alg: options.alg };
  if (options.kid !== null) header.kid = options.kid;
  if (options.key === 'none') {
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    return `${encode(header)}.${encode(payload)}.`;
  }
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(options.key);
}
