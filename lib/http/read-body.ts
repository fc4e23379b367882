/**
 * The one way a public route reads a request body: streamed, with a byte cap. The cap is checked on every
 * chunk as it arrives, whatever the transfer encoding (a `Content-Length` is only an early hint, a chunked
 * body has none), and crossing it cancels the stream at once, so nothing past the cap is read or buffered.
 */
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { errorPage } from './html-page';

export const MAX_BODY_BYTES = 64 * 1024;

/** The body is over the cap: answer 413. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`Request body is larger than ${maxBytes} bytes`);
  }
}

/** Structural check, so a copy of this module in another route bundle is recognised too. */
export function isBodyTooLargeError(error: unknown): error is BodyTooLargeError {
  return error instanceof BodyTooLargeError || (error instanceof Error && error.name === 'BodyTooLargeError');
}

/** Reads the whole body, at most `maxBytes`; throws {@link BodyTooLargeError} as soon as the cap is crossed. */
export async function readBodyCapped(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Drains a body the route does not use (still capped), so an oversized one answers 413 like everywhere else. */
export async function discardBodyCapped(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<void> {
  await readBodyCapped(request, maxBytes);
}

/** The 413 page for a body over the cap, in the request's language. */
export function payloadTooLargeResponse(requestId: string, locale: Locale = DEFAULT_LOCALE): Response {
  const t = translatorFor(locale, 'errorPages');
  return errorPage({
    status: 413,
    title: t('payloadTooLarge.title'),
    message: t('payloadTooLarge.message'),
    code: 'payload_too_large',
    requestId,
    actions: [{ href: '/', label: t('backToApp'), secondary: true }],
    locale,
  });
}
