/**
 * Next's proxy (formerly middleware), for one thing only: a path whose percent-encoding does not decode
 * (`/t/%E0%A4%A`) is a bad request, answered 400 here — Next itself would answer 500 while decoding the
 * dynamic segment. It runs only for requests without a body (GET and the like) or with a `%` in the path:
 * for a POST it would buffer the body before the route's own capped reader (lib/http/read-body.ts) sees it.
 */
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return new NextResponse('Bad request: malformed percent-encoding in the path.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'content-length' },
        { type: 'header', key: 'transfer-encoding' },
      ],
    },
    { source: '/(.*%.*)' },
  ],
};
