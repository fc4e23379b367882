/**
 * What each OIN scope means for a person, in plain words, and which ID-token claims the app may keep
 * under a set of scopes (data minimisation). Pure: no database, no framework.
 */
import type { IdTokenClaims } from '@/lib/oidc/verify-id-token';

export const CONSENT_SCOPES = ['openid', 'profile', 'email', 'address', 'phone'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** The data items a consent page lists, one per scope. */
export const SCOPE_ITEMS: Record<ConsentScope, { label: string; description: string }> = {
  openid: { label: 'Your account identifier', description: 'A unique, random id your organization assigns you, so the app knows it is you.' },
  profile: { label: 'Your name', description: 'Your full name as your organization records it, shown in the app.' },
  email: { label: 'Your email address', description: 'Your work email address, shown in the app and used to contact you about your account.' },
  address: { label: 'Your postal address', description: 'The postal address your organization records for you.' },
  phone: { label: 'Your phone number', description: 'The phone number your organization records for you.' },
};

/** `openid` first, then the others in a fixed order; unknown values dropped. */
export function normaliseScopes(scopes: readonly string[]): ConsentScope[] {
  return CONSENT_SCOPES.filter((s) => s === 'openid' || scopes.includes(s));
}

/** True when every scope of `required` is in `granted`. */
export function scopesCover(granted: readonly string[], required: readonly string[]): boolean {
  return required.every((s) => granted.includes(s));
}

/**
 * The profile the user row may hold under `scopes`: `email` only with the `email` scope, `name` only with
 * `profile`. A claim outside them is dropped — and a value stored earlier is cleared (set to null).
 */
export function profileForScopes(claims: IdTokenClaims, scopes: readonly string[]): { email: string | null; name: string | null } {
  return {
    email: scopes.includes('email') && typeof claims.email === 'string' ? claims.email.slice(0, 320) : null,
    name: scopes.includes('profile') && typeof claims.name === 'string' ? claims.name.slice(0, 200) : null,
  };
}
