/** Request/response helpers for the stand-in's own routes (the provider parses its own requests). */
import type { KoaContext } from './oidc';

const BODY_LIMIT = 64 * 1024;

export class BadRequest extends Error {}

export async function readBody(ctx: KoaContext): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > BODY_LIMIT) throw new BadRequest('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readForm(ctx: KoaContext): Promise<URLSearchParams> {
  const type = ctx.get('content-type');
  if (type && !type.startsWith('application/x-www-form-urlencoded')) {
    throw new BadRequest('expected an application/x-www-form-urlencoded body');
  }
  return new URLSearchParams(await readBody(ctx));
}

export async function readJson(ctx: KoaContext): Promise<Record<string, unknown>> {
  const raw = await readBody(ctx);
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BadRequest('body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequest('body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function sendHtml(ctx: KoaContext, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
}

export function sendJson(ctx: KoaContext, status: number, value: unknown): void {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(value);
}

export function redirect(ctx: KoaContext, location: string, status = 302): void {
  ctx.status = status;
  ctx.redirect(location);
  ctx.status = status;
}

export function queryString(ctx: KoaContext, name: string): string | undefined {
  const value = ctx.query[name];
  return typeof value === 'string' ? value : undefined;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
