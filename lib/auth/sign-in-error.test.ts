import { describe, expect, it } from 'vitest';
import { SecretBoxError } from '@/lib/crypto/secret-box';
import { OidcError } from '@/lib/oidc/errors';
import { TenantError } from '@/lib/tenants/tenant-error';
import { SignInError, classifySignInError, describeSignInError } from './sign-in-error';

describe('classifySignInError', () => {
  it.each([
    [new OidcError('nonce_mismatch', 'x'), 'verification_failed', 401],
    [new OidcError('alg_not_allowed', 'x'), 'verification_failed', 401],
    [new OidcError('state_mismatch', 'x'), 'state_mismatch', 400],
    [new OidcError('idp_error', 'x', { error: 'access_denied' }), 'idp_access_denied', 403],
    [new OidcError('idp_error', 'x', { error: 'consent_required' }), 'idp_consent_required', 403],
    [new OidcError('idp_error', 'x', { error: 'login_required' }), 'idp_login_required', 401],
    [new OidcError('fetch_timeout', 'x'), 'idp_timeout', 504],
    [new OidcError('idp_unreachable', 'x'), 'idp_unavailable', 502],
    [new OidcError('idp_rate_limited', 'x', { reset: 1 }), 'idp_rate_limited', 503],
    [new OidcError('token_request_failed', 'x', { error: 'invalid_client' }), 'client_rejected', 502],
    [new OidcError('token_request_failed', 'x', { error: 'invalid_dpop_proof' }), 'dpop_mismatch', 502],
    [new OidcError('issuer_mismatch', 'x'), 'idp_misconfigured', 502],
    [new TenantError('secret_required', 'no_client_secret'), 'idp_misconfigured', 502],
    [new SecretBoxError('x'), 'idp_misconfigured', 502],
    [new SignInError('unknown_tenant'), 'unknown_tenant', 404],
    [new Error('boom'), 'internal_error', 500],
  ])('maps %s to %s (%i)', (error, code, status) => {
    const classified = classifySignInError(error);
    expect(classified.code).toBe(code);
    expect(describeSignInError(classified.code).status).toBe(status);
  });

  it('keeps the precise protocol code for the audit trail', () => {
    expect(classifySignInError(new OidcError('nonce_mismatch', 'x')).detail).toBe('nonce_mismatch');
  });
});
