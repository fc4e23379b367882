/**
 * The consent page's logo: an uploaded PNG or JPEG (recognised by its first bytes, never by the name or the
 * type the browser claims; SVG and everything else refused; at most {@link MAX_LOGO_BYTES}), stored with the
 * tenant's consent policy and served from `/t/<slug>/consent/logo` with a fixed image type and `nosniff` —
 * or an https URL of another site. Never a path or URL of this app (a logo URL is fetched by every visitor's
 * browser, so it must not be able to start a sign-in or hit an admin page).
 */
import { createHash } from 'node:crypto';

export const MAX_LOGO_BYTES = 100 * 1024;

export type LogoContentType = 'image/png' | 'image/jpeg';

export class LogoError extends Error {
  override name = 'LogoError';
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The stored form of an uploaded logo; throws {@link LogoError} unless it is a PNG or JPEG of allowed size. */
export function parseLogoImage(bytes: Uint8Array): { image: Uint8Array<ArrayBuffer>; contentType: LogoContentType; sha256: string } {
  if (bytes.length === 0) throw new LogoError('The logo file is empty.');
  if (bytes.length > MAX_LOGO_BYTES) throw new LogoError(`The logo must be at most ${MAX_LOGO_BYTES / 1024} KB.`);
  const contentType = startsWith(bytes, PNG) ? 'image/png' : startsWith(bytes, JPEG) ? 'image/jpeg' : null;
  if (!contentType) throw new LogoError('The logo must be a PNG or JPEG image (SVG and other formats are not accepted).');
  const image = new Uint8Array(new ArrayBuffer(bytes.length));
  image.set(bytes);
  return { image, contentType, sha256: createHash('sha256').update(image).digest('hex') };
}

/** Checks a logo URL: https, on another origin than the app's own. Returns it normalised; throws {@link LogoError}. */
export function parseLogoUrl(value: string, appUrl: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LogoError('The logo URL must be an https:// URL.');
  }
  if (url.protocol !== 'https:' || url.username || url.password) throw new LogoError('The logo URL must be an https:// URL (without a user name or password).');
  if (url.origin === new URL(appUrl).origin) throw new LogoError('The logo URL must not point at this app: upload the image instead.');
  return url.toString();
}

/** What the consent pages put in `<img src>`: the uploaded image's own route (versioned by its hash), or the https URL. */
export function logoSrc(slug: string, logo: { sha256: string | null; url: string | null }): string | null {
  if (logo.sha256) return `/t/${encodeURIComponent(slug)}/consent/logo?v=${logo.sha256.slice(0, 16)}`;
  return logo.url;
}
