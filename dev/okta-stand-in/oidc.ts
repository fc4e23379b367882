/**
 * The one place that imports `oidc-provider`, with the few types the stand-in needs.
 *
 * The project does not install `@types/oidc-provider` / `@types/koa`; the `@ts-ignore` below keeps this file
 * compiling with or without them, and everything else in the stand-in uses the narrow types declared here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- must compile both with and without @types/oidc-provider
// @ts-ignore -- untyped without @types/oidc-provider; narrowed right below.
import * as oidcProvider from 'oidc-provider';

/** The Koa context members the stand-in uses (oidc-provider 9 is a Koa 3 application). */
export interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  href: string;
  query: Record<string, string | string[] | undefined>;
  querystring: string;
  status: number;
  body: unknown;
  type: string;
  ip: string;
  headerSent: boolean;
  /** `false` when the response was written to `res` directly. */
  respond?: boolean;
  get(field: string): string;
  set(field: string, value: string): void;
  redirect(url: string): void;
  cookies: {
    get(name: string): string | undefined;
    set(name: string, value: string | null, options?: CookieOptions): void;
  };
}
export type KoaNext = () => Promise<unknown>;
export type KoaMiddleware = (ctx: KoaContext, next: KoaNext) => Promise<unknown>;

export type CookieOptions = {
  path?: string;
  httpOnly?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  maxAge?: number;
  overwrite?: boolean;
};

export interface OidcSession {
  accountId?: string;
  loginTs?: number;
  amr?: string[];
  authTime(): number | undefined;
}

export interface OidcInteraction {
  uid: string;
  prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
  params: Record<string, string | undefined>;
  session?: { accountId?: string; uid?: string };
  grantId?: string;
}

export interface OidcGrant {
  accountId: string;
  clientId: string;
  jti: string;
  addOIDCScope(scope: string): void;
  getOIDCScope(): string;
  save(): Promise<string>;
}

export interface OidcClient {
  clientId: string;
}

export interface OidcContextLike {
  oidc: {
    client?: OidcClient;
    session: OidcSession & { grantIdFor(clientId: string): string | undefined };
    params: Record<string, unknown>;
    result?: { consent?: { grantId?: string } };
    requestParamOIDCScopes: Set<string>;
    route: string;
    provider: OidcProvider;
  };
}

export interface OidcProvider {
  issuer: string;
  use(middleware: KoaMiddleware): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Session: { get(ctx: KoaContext): Promise<OidcSession> };
  Grant: {
    new (init: { accountId: string; clientId: string }): OidcGrant;
    find(id: string): Promise<OidcGrant | undefined>;
  };
}

export interface OidcCheck {
  reason: string;
}
export interface OidcPrompt {
  name: string;
}
export interface OidcPolicy extends Array<OidcPrompt> {
  add(prompt: OidcPrompt, index?: number): void;
  get(name: string): OidcPrompt | undefined;
}

type InteractionPolicyModule = {
  base(): OidcPolicy;
  Prompt: new (
    options: { name: string; requestable: boolean },
    ...checks: OidcCheck[]
  ) => OidcPrompt;
  Check: (new (
    reason: string,
    description: string,
    error: string,
    check: (ctx: OidcContextLike) => boolean | Promise<boolean>,
  ) => OidcCheck) & { REQUEST_PROMPT: true; NO_NEED_TO_PROMPT: false };
};

type ProviderModule = {
  Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;
  interactionPolicy: InteractionPolicyModule;
  errors: Record<string, new (description?: string) => Error & { status: number; error: string }>;
};

const mod = oidcProvider as unknown as ProviderModule;

export const Provider = mod.Provider;
export const interactionPolicy = mod.interactionPolicy;
export const errors = mod.errors;
