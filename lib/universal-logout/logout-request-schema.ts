/**
 * The body of a Universal Logout request: one subject identifier (RFC 9493) in `sub_id` (the Global Token
 * Revocation draft) or `subject` (Okta's guide shows this name; both readings are accepted, never both at once),
 * format `iss_sub` or `email`. Unknown members or formats are a malformed request (400), as the guide says.
 */
import { z } from 'zod';
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

/** Reads at most `MAX_LOGOUT_BODY_BYTES` of the request body, refusing (400) rather than buffering more. */
export async function readCappedBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_LOGOUT_BODY_BYTES) throw new UniversalLogoutError('malformed_request', 'The body is too large');
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_LOGOUT_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new UniversalLogoutError('malformed_request', 'The body is too large');
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
