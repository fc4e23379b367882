import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyCapped } from './read-body';

/** A body that streams `chunk`-byte pieces without end (no Content-Length: chunked), counting what was pulled. */
function endlessBody(chunk = 4096) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      stats.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(97));
    },
    cancel() {
      stats.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, stats };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://app.test/api/auth/callback/okta', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyCapped', () => {
  it('reads a body under the cap whole', async () => {
    const body = await readBodyCapped(post('id_token=abc'), 64 * 1024);
    expect(new TextDecoder().decode(body)).toBe('id_token=abc');
  });

  it('stops a chunked body as soon as the cap is crossed and cancels the stream', async () => {
    const { stream, stats } = endlessBody();
    await expect(readBodyCapped(post(stream), 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(stats.cancelled).toBe(true);
    // At most one chunk past the cap was pulled (plus what the runtime buffers ahead), never the rest.
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024 + 4 * 4096);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const { stream, stats } = endlessBody();
    await expect(readBodyCapped(post(stream, { 'content-length': String(10 * 1024 * 1024) }), 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(stats.pulled).toBeLessThanOrEqual(2 * 4096);
  });

  it('does not trust a small Content-Length: the bytes are counted', async () => {
    const { stream } = endlessBody();
    await expect(readBodyCapped(post(stream, { 'content-length': '10' }), 64 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('accepts exactly the cap and an empty body', async () => {
    expect((await readBodyCapped(post(new Uint8Array(1024)), 1024)).byteLength).toBe(1024);
    await expect(readBodyCapped(post(new Uint8Array(1025)), 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect((await readBodyCapped(post(null), 1024)).byteLength).toBe(0);
  });
});
