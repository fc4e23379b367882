/** Invitation and onboarding tokens: 256 random bits in the link or cookie, only their SHA-256 stored. */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Cheap shape check before any database lookup. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
