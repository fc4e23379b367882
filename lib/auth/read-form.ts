/**
 * Reads a browser form POST (urlencoded or multipart) into URLSearchParams through the capped body reader
 * (lib/http/read-body.ts): over 64 KB throws `BodyTooLargeError` (413) as soon as the cap is crossed; files,
 * malformed forms and other content types are a bad request.
 */
import { MAX_BODY_BYTES, readBodyCapped } from '@/lib/http/read-body';
import { SignInError } from './sign-in-error';

export async function readForm(request: Request): Promise<URLSearchParams> {
  const header = request.headers.get('content-type') ?? '';
  const type = header.toLowerCase();
  const urlencoded = type.startsWith('application/x-www-form-urlencoded');
  const multipart = type.startsWith('multipart/form-data');
  if (!urlencoded && !multipart) {
    await request.body?.cancel().catch(() => undefined);
    throw new SignInError('bad_request', 'Expected a form POST');
  }
  const body = await readBodyCapped(request, MAX_BODY_BYTES);
  if (urlencoded) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new SignInError('bad_request', 'Form is not UTF-8');
    }
    return new URLSearchParams(text);
  }
  const form = await new Response(body, { headers: { 'content-type': header } }).formData().catch(() => null);
  if (!form) throw new SignInError('bad_request', 'Malformed form');
  const params = new URLSearchParams();
  for (const [key, value] of form) {
    if (typeof value !== 'string') throw new SignInError('bad_request', 'Files are not accepted');
    params.append(key, value);
  }
  return params;
}
