/**
 * Bearer authentication (RFC 6750): `Authorization: Bearer <secret>` where the secret is a
 * session (`bss_…`, from sign-up or sign-in) or a personal API token (`bsp_…`). The secret is
 * hashed and resolved through the SECURITY DEFINER lookups, before any workspace is known.
 */
import { resolveApiToken, resolveSession, withoutWorkspace, withWorkspace, TOKEN_SCOPES, type Tx } from '@brandsafe/db';
import type { Context, MiddlewareHandler } from 'hono';
import { hashSecret, secretKind } from '../auth/secrets.js';
import type { Principal } from '../auth/principal.js';
import type { AppEnv, RouteDeps } from '../context.js';
import { ProblemError } from './problem.js';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="brandsafe"' };

function unauthenticated(detail: string): ProblemError {
  return new ProblemError('UNAUTHENTICATED', detail, {}, CHALLENGE);
}

/** The bearer secret of a request, if the header is well formed. */
export function bearerSecret(header: string | undefined): string | undefined {
  const m = /^Bearer +([^\s]+) *$/i.exec(header ?? '');
  return m?.[1];
}

/** Resolves the caller from the Authorization header, or undefined when there is none. */
export async function authenticate(deps: RouteDeps, header: string | undefined): Promise<Principal | undefined> {
  if (header === undefined) return undefined;
  const secret = bearerSecret(header);
  const kind = secret && secretKind(secret);
  if (!secret || (kind !== 'session' && kind !== 'apiToken')) throw unauthenticated('the bearer token is malformed');
  const hash = hashSecret(secret);
  const cached = deps.principals.get(hash);
  if (cached) return cached;
  const principal = await withoutWorkspace(deps.db, async (trx): Promise<Principal | undefined> => {
    if (kind === 'session') {
      const s = await resolveSession(trx, hash);
      return s && { kind: 'session' as const, userId: s.userId, workspaceId: s.workspaceId, role: s.role, scopes: TOKEN_SCOPES, credentialId: s.sessionId };
    }
    const t = await resolveApiToken(trx, hash);
    return t && { kind: 'token', userId: t.userId, workspaceId: t.workspaceId, role: t.role, scopes: t.scopes, credentialId: t.tokenId };
  });
  if (principal) deps.principals.set(hash, principal);
  return principal;
}

/** Route middleware: 401 problem unless a valid bearer secret is presented. */
export function requireAuth(deps: RouteDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) throw unauthenticated('send Authorization: Bearer <token>');
    const principal = await authenticate(deps, header);
    if (!principal) throw unauthenticated('the bearer token is unknown, expired or revoked');
    c.set('principal', principal);
    c.get('log').debug({ userId: principal.userId, workspaceId: principal.workspaceId }, 'authenticated');
    await next();
  };
}

/** The authenticated caller (routes behind `requireAuth`). */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw unauthenticated('authentication required');
  return p;
}

/** Runs `fn` in the caller's workspace, as the caller (tenant-scoped transaction). */
export function inWorkspace<T>(deps: RouteDeps, principal: Principal, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return withWorkspace(deps.db, principal.workspaceId, fn, { userId: principal.userId });
}
