/** Who is asking: a request id for pages, logs and audit events, plus the client's IP and user agent. */
import { randomUUID } from 'node:crypto';

export type RequestContext = { requestId: string; ip: string | null; userAgent: string | null };

export function requestContextOf(headers: Headers): RequestContext {
  const given = headers.get('x-request-id');
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    requestId: given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID(),
    ip: forwarded || headers.get('x-real-ip') || null,
    userAgent: headers.get('user-agent'),
  };
}
