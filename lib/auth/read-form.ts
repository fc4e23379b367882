/**
 * Reads a browser form POST (urlencoded or multipart) into URLSearchParams; files and oversized bodies are
 * refused as a bad request rather than buffered.
 */
import { SignInError } from './sign-in-error';

const MAX_FORM_BYTES = 64 * 1024;

export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_FORM_BYTES) throw new SignInError('bad_request', 'Form too large');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const text = await request.text();
    if (text.length > MAX_FORM_BYTES) throw new SignInError('bad_request', 'Form too large');
    return new URLSearchParams(text);
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => null);
    if (!form) throw new SignInError('bad_request', 'Malformed form');
    const params = new URLSearchParams();
    for (const [key, value] of form) {
      if (typeof value !== 'string') throw new SignInError('bad_request', 'Files are not accepted');
      params.append(key, value);
    }
    return params;
  }
  throw new SignInError('bad_request', 'Expected a form POST');
}
