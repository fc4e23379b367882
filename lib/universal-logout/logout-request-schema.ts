/**
 * The body of a Universal Logout request: one subject identifier (RFC 9493) in `sub_id` (the Global Token
 * Revocation draft) or `subject` (Okta's guide shows this name; both readings are accepted, never both at once),
 * format `iss_sub` or `email`. Unknown members or formats are a malformed request (400), as the guide says.
 */
import { z } from 'zod';
import { isBodyTooLargeError, readBodyCapped } from '@/lib/http/read-body';
import { UniversalLogoutError } from './universal-logout-error';

/** Request bodies larger than this are refused unread. */
export const MAX_LOGOUT_BODY_BYTES = 8 * 1024;

const issSub = z.strictObject({ format: z.literal('iss_sub'), iss: z.string().min(1).max(1024), sub: z.string().min(1).max(255) });
const email = z.strictObject({ format: z.literal('email'), email: z.string().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/) });
const subject = z.discriminatedUnion('format', [issSub, email]);

const body = z.union([z.strictObject({ sub_id: subject }), z.strictObject({ subject })]);

export type LogoutSubject = z.infer<typeof subject>;

/** Parses the raw body text; throws `UniversalLogoutError` `malformed_request`. */
export function parseLogoutRequest(text: string): LogoutSubject {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UniversalLogoutError('malformed_request', 'The body is not JSON');
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    throw new UniversalLogoutError('malformed_request', 'Expected {"sub_id": {"format": "iss_sub"|"email", …}}', {
      issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return 'sub_id' in parsed.data ? parsed.data.sub_id : parsed.data.subject;
}

/**
 * Reads at most `MAX_LOGOUT_BODY_BYTES` of the request body through the app's one capped reader
 * (lib/http/read-body.ts), refusing with 400 `malformed_request` (the guide's answer) rather than buffering more.
 */
export async function readCappedBody(request: Request): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(await readBodyCapped(request, MAX_LOGOUT_BODY_BYTES));
  } catch (error) {
    if (isBodyTooLargeError(error)) throw new UniversalLogoutError('malformed_request', 'The body is too large');
    throw error;
  }
}
