/**
 * Resolving the portal's caller from the session cookie, and the CSRF gate every POST passes.
 * Sessions are the API's own (sessions table, `authenticate`), so revoking one in the API signs
 * the browser out too.
 */
import type { Context } from 'hono';
import { authenticate } from '../http/auth.js';
import type { AppEnv, RouteDeps } from '../context.js';
import type { PortalSession } from './api-client.js';
import { anonymousCsrfCookie, isHttps, originCheck, readSessionCookie, sessionCsrfToken, tokensMatch } from './security.js';

/** Per-app helpers bound to the options. */
export interface PortalContext {
  deps: RouteDeps;
  secure: (c: Context<AppEnv>) => boolean;
  /** The signed-in session, or undefined (expired, revoked or absent cookie). */
  session: (c: Context<AppEnv>) => Promise<PortalSession | undefined>;
  /**
   * True when a POST passes both CSRF defences: Origin/Sec-Fetch-Site, and the synchronizer
   * token (`_csrf`) matching the session's, or the double-submit cookie when signed out.
   */
  csrfOk: (c: Context<AppEnv>, form: Record<string, unknown>, session: PortalSession | undefined) => Promise<boolean>;
}

export function portalContext(deps: RouteDeps): PortalContext {
  const { publicUrl, trustProxy } = deps.options;
  const secure = (c: Context<AppEnv>) => isHttps(c, publicUrl, trustProxy);
  const sameOrigin = originCheck(publicUrl);
  return {
    deps,
    secure,
    async session(c) {
      const secret = readSessionCookie(c, secure(c));
      if (!secret) return undefined;
      const principal = await authenticate(deps, `Bearer ${secret}`).catch(() => undefined);
      if (!principal || principal.kind !== 'session') return undefined;
      c.set('principal', principal);
      return { secret, principal, csrf: sessionCsrfToken(secret) };
    },
    async csrfOk(c, form, session) {
      if (!(await sameOrigin(c))) return false;
      const expected = session ? session.csrf : anonymousCsrfCookie(c, secure(c));
      return tokensMatch(form._csrf, expected);
    },
  };
}
