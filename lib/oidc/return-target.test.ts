import { describe, expect, it } from 'vitest';
import { parseReturnTarget } from './return-target';

const app = 'https://app.example.com';

describe('parseReturnTarget', () => {
  it.each([
    ['/t/acme', '/t/acme'],
    ['/t/acme/settings?tab=users#top', '/t/acme/settings?tab=users#top'],
    ['https://app.example.com/t/acme?x=1', '/t/acme?x=1'],
    ['/t/../t/acme', '/t/acme'],
  ])('accepts %s as %s', (input, path) => {
    expect(parseReturnTarget(input, app)).toEqual({ ok: true, path });
  });

  it.each([
    ['https://evil.example/'],
    ['https://app.example.com//evil.example'],
    ['/.//evil.example'],
    ['/..//evil.example'],
    ['/%2e//evil.example'],
    ['/t/..//evil.example'],
    ['//evil.example'],
    ['//evil.example/t/acme'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['http://app.example.com/t/acme'],
    ['https://app.example.com.evil.example/'],
    ['https://user:pw@app.example.com/t/acme'],
    ['/t/acme\n/evil'],
    ['/\t/evil.example'],
    ['t/acme'],
    ['/api/auth/initiate?iss=x'],
    [''],
    [null],
    ['/' + 'a'.repeat(3000)],
  ])('refuses %s', (input) => {
    expect(parseReturnTarget(input, app).ok).toBe(false);
  });
});
