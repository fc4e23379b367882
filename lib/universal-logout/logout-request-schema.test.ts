import { describe, expect, it } from 'vitest';
import { MAX_LOGOUT_BODY_BYTES, parseLogoutRequest, readCappedBody } from './logout-request-schema';

describe('parseLogoutRequest', () => {
  it.each([
    ['sub_id iss_sub', { sub_id: { format: 'iss_sub', iss: 'https://acme.okta.com', sub: '00u1' } }, { format: 'iss_sub', iss: 'https://acme.okta.com', sub: '00u1' }],
    ['sub_id email', { sub_id: { format: 'email', email: 'ada@acme.com' } }, { format: 'email', email: 'ada@acme.com' }],
    ["Okta guide's subject", { subject: { format: 'email', email: 'ada@acme.com' } }, { format: 'email', email: 'ada@acme.com' }],
  ])('reads %s', (_name, body, expected) => {
    expect(parseLogoutRequest(JSON.stringify(body))).toEqual(expected);
  });

  it.each([
    ['not JSON', 'sub_id=1'],
    ['empty', ''],
    ['an array', '[]'],
    ['no subject', '{}'],
    ['both sub_id and subject', JSON.stringify({ sub_id: { format: 'email', email: 'a@b.c' }, subject: { format: 'email', email: 'a@b.c' } })],
    ['an unknown format', JSON.stringify({ sub_id: { format: 'opaque', id: 'x' } })],
    ['phone_number', JSON.stringify({ sub_id: { format: 'phone_number', phone_number: '+1' } })],
    ['iss_sub without sub', JSON.stringify({ sub_id: { format: 'iss_sub', iss: 'https://acme.okta.com' } })],
    ['email that is not one', JSON.stringify({ sub_id: { format: 'email', email: 'nobody' } })],
    ['an unknown member', JSON.stringify({ sub_id: { format: 'email', email: 'a@b.c', admin: true } })],
    ['an unknown top-level member', JSON.stringify({ sub_id: { format: 'email', email: 'a@b.c' }, everyone: true })],
  ])('refuses %s (400 malformed_request)', (_name, text) => {
    expect(() => parseLogoutRequest(text)).toThrow(expect.objectContaining({ code: 'malformed_request', status: 400 }));
  });
});

describe('readCappedBody', () => {
  const post = (body: string, headers: Record<string, string> = {}) => new Request('http://localhost/x', { method: 'POST', body, headers });

  it('reads a small body', async () => {
    await expect(readCappedBody(post('{"a":1}'))).resolves.toBe('{"a":1}');
  });
  it('refuses a declared length over the cap without reading', async () => {
    await expect(readCappedBody(post('{}', { 'content-length': String(MAX_LOGOUT_BODY_BYTES + 1) }))).rejects.toMatchObject({ status: 400 });
  });
  it('refuses a streamed body over the cap', async () => {
    const big = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(4096));
      },
    });
    const request = new Request('http://localhost/x', { method: 'POST', body: big, duplex: 'half' } as RequestInit);
    await expect(readCappedBody(request)).rejects.toMatchObject({ code: 'malformed_request' });
  });
});
