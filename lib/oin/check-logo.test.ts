import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brand } from '@/lib/branding/brand';
import { makeLogoPng } from '@/scripts/make-oin-logo';
import { checkOinLogo, readImageHeader } from './check-logo';

/** A PNG header with the given size (the checker reads only the signature and IHDR). */
function png(width: number, height: number, padTo = 0): Uint8Array {
  const bytes = Buffer.alloc(Math.max(33, padTo));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

function gif(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(13);
  bytes.write('GIF89a', 0, 'ascii');
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return bytes;
}

/** SOI, an APP0 segment, then SOF2 (progressive) with the size. */
function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc2, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

describe('readImageHeader', () => {
  it.each([
    ['PNG', png(840, 240), { format: 'png', width: 840, height: 240 }],
    ['GIF', gif(500, 150), { format: 'gif', width: 500, height: 150 }],
    ['JPEG', jpeg(1200, 400), { format: 'jpeg', width: 1200, height: 400 }],
  ])('reads a %s header', (_name, bytes, expected) => {
    expect(readImageHeader(bytes)).toEqual(expected);
  });

  it.each([
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="300"/>')],
    ['a WebP', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated PNG', png(840, 240).subarray(0, 20)],
    ['a JPEG without a frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0])],
  ])('returns null for %s', (_name, bytes) => {
    expect(readImageHeader(bytes)).toBeNull();
  });
});

describe('checkOinLogo', () => {
  it('passes a logo that meets every rule', () => {
    expect(checkOinLogo(png(420, 120))).toMatchObject({ ok: true, problems: [] });
  });

  it.each([
    ['too narrow', png(419, 120), /419×120 pixels/],
    ['too low', png(840, 119), /840×119 pixels/],
    ['1 MB or more', png(840, 240, 1024 * 1024), /under 1 MB/],
    ['a PNG named .png that is really an SVG', Buffer.from('<svg/>'), /not a PNG, JPG or GIF/],
  ])('fails a logo %s', (_name, bytes, problem) => {
    const check = checkOinLogo(bytes);
    expect(check.ok).toBe(false);
    expect(check.problems.join('; ')).toMatch(problem);
  });

  it('passes the logo shipped in the repository, and the generator still makes the same file', () => {
    const shipped = readFileSync(path.resolve(import.meta.dirname, '../..', brand.oinLogoFile));
    expect(checkOinLogo(shipped)).toMatchObject({ ok: true, image: { format: 'png', width: 840, height: 240 } });
    expect(Buffer.compare(makeLogoPng(), shipped)).toBe(0);
  });
});
