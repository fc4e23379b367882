/**
 * Okta's rules for an OIN catalog logo (OIN Wizard, "General settings"): PNG, JPG or GIF, under 1 MB, and at
 * least 420×120 pixels. The format and size come from the file's own header, never from its name. Pure.
 */
export const LOGO_RULES = { formats: ['png', 'jpeg', 'gif'], maxBytes: 1024 * 1024, minWidth: 420, minHeight: 120 } as const;

export type ImageInfo = { format: 'png' | 'jpeg' | 'gif'; width: number; height: number };
export type LogoCheck = { ok: boolean; bytes: number; image: ImageInfo | null; problems: string[] };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format and pixel size from the header, or null when the bytes are no PNG, JPEG or GIF. */
export function readImageHeader(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b) && ascii(bytes, 12, 4) === 'IHDR') {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegSize(bytes, view);
  return null;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function readJpegSize(bytes: Uint8Array, view: DataView): ImageInfo | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** Checks a logo file's bytes against {@link LOGO_RULES}; `problems` says each rule it breaks, in plain words. */
export function checkOinLogo(bytes: Uint8Array): LogoCheck {
  const image = readImageHeader(bytes);
  const problems: string[] = [];
  if (!image) problems.push('not a PNG, JPG or GIF file');
  if (bytes.length >= LOGO_RULES.maxBytes) problems.push(`${bytes.length} bytes: must be under 1 MB`);
  if (image && (image.width < LOGO_RULES.minWidth || image.height < LOGO_RULES.minHeight)) {
    problems.push(`${image.width}×${image.height} pixels: must be at least ${LOGO_RULES.minWidth}×${LOGO_RULES.minHeight}`);
  }
  return { ok: problems.length === 0, bytes: bytes.length, image, problems };
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}
