/**
 * Writes the default OIN catalog logo, `public/oin-logo.png` (840×240, above Okta's 420×120 minimum), from
 * nothing but code: a blue emblem with a white ring and three "text" bars. Forks replace the file with their
 * own logo (and `npm run oin` checks it); rerun with `npx tsx scripts/make-oin-logo.ts [out.png]`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const WIDTH = 840;
const HEIGHT = 240;
type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const BLUE: Rgb = [29, 78, 216];
const SLATE: Rgb = [15, 23, 42];
const GREY: Rgb = [100, 116, 139];

function insideRoundedRect(x: number, y: number, left: number, top: number, w: number, h: number, r: number): boolean {
  if (x < left || y < top || x >= left + w || y >= top + h) return false;
  const cx = Math.min(Math.max(x, left + r), left + w - r);
  const cy = Math.min(Math.max(y, top + r), top + h - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function colourAt(x: number, y: number): Rgb {
  if (insideRoundedRect(x, y, 20, 20, 200, 200, 40)) {
    const d = Math.hypot(x - 120, y - 120);
    return d >= 42 && d <= 62 ? WHITE : BLUE; // the ring
  }
  if (insideRoundedRect(x, y, 260, 62, 520, 44, 22)) return SLATE; // product name
  if (insideRoundedRect(x, y, 260, 134, 400, 22, 11)) return GREY; // tagline
  if (insideRoundedRect(x, y, 260, 172, 300, 22, 11)) return GREY;
  return WHITE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function makeLogoPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour RGB, deflate, no filter, no interlace
  const raw = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  for (let y = 0; y < HEIGHT; y++) {
    const row = y * (1 + WIDTH * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < WIDTH; x++) raw.set(colourAt(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'public/oin-logo.png';
  writeFileSync(out, makeLogoPng());
  console.log(`Wrote ${out} (${WIDTH}×${HEIGHT})`);
}
