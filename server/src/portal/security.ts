/**
 * Portal security (issue 6 §3): cookie sessions, CSRF and response headers.
 *
 * - The session cookie holds the API session secret (`bss_…`): HttpOnly, SameSite=Lax, Path=/,
 *   Secure and `__Host-` prefixed when the portal is served over HTTPS (RFC 6265bis §4.1.3.2).
 *   A new session is opened at every sign-in and the previous one revoked, so a planted cookie
 *   never becomes authenticated (session fixation, OWASP Session Management Cheat Sheet).
 * - CSRF: every form carries a synchronizer token. Signed in, it is an HMAC of the session
 *   secret (bound to the session, nothing stored); signed out (sign-in, sign-up, verification,
 *   accepting an invitation) it is a double-submit cookie. On top, hono/csrf checks Origin /
 *   Sec-Fetch-Site (OWASP CSRF Prevention Cheat Sheet: both defences).
 * - Headers: a CSP with no inline script or style (`'self'` only), frame-ancestors 'none',
 *   HSTS over HTTPS, nosniff, a strict Referrer-Policy (hono/secure-headers).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;
import type { AppEnv } from '../context.js';

/** Whether the portal is reached over HTTPS: the public URL says so, or the request does. */
export function isHttps(c: Context<AppEnv>, publicUrl: string, trustProxy: boolean): boolean {
  if (publicUrl.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Cookie names; `__Host-` requires Secure, Path=/ and no Domain, so only over HTTPS. */
export function cookieNames(secure: boolean) {
  return secure ? { session: '__Host-bs_session', csrf: '__Host-bs_csrf' } : { session: 'bs_session', csrf: 'bs_csrf' };
}

/** Reads the session secret from the cookie. */
export function readSessionCookie(c: Context<AppEnv>, secure: boolean): string | undefined {
  const value = getCookie(c, cookieNames(secure).session);
  return value && /^bss_[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS). */
export function writeSessionCookie(c: Context<AppEnv>, secure: boolean, secret: string, expiresAt: Date): void {
  setCookie(c, cookieNames(secure).session, secret, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(c: Context<AppEnv>, secure: boolean): void {
  deleteCookie(c, cookieNames(secure).session, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}

/** The CSRF token of a signed-in session: HMAC-SHA256 keyed by the session secret. */
export function sessionCsrfToken(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('brandsafe-portal-csrf').digest('base64url');
}

/** The double-submit token for signed-out forms, set as a cookie on first use. */
export function anonymousCsrfToken(c: Context<AppEnv>, secure: boolean): string {
  const name = cookieNames(secure).csrf;
  const existing = getCookie(c, name);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  setCookie(c, name, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/' });
  return token;
}

/** Constant-time comparison of a submitted token with the expected one. */
export function tokensMatch(submitted: unknown, expected: string | undefined): boolean {
  if (typeof submitted !== 'string' || !expected) return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The expected double-submit token (the cookie), without minting one. */
export function anonymousCsrfCookie(c: Context<AppEnv>, secure: boolean): string | undefined {
  return getCookie(c, cookieNames(secure).csrf);
}

/**
 * Origin / Sec-Fetch-Site check for unsafe methods: same origin as the request or as the
 * public URL. Returns false instead of throwing so the portal can answer with a page.
 */
export function originCheck(publicUrl: string): (c: Context<AppEnv>) => Promise<boolean> {
  const publicOrigin = new URL(publicUrl).origin;
  const mw = csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
  return async (c) => {
    try {
      await mw(c, async () => {});
      return true;
    } catch {
      return false;
    }
  };
}

/** Security headers for portal pages; HSTS only when served over HTTPS (RFC 6797 §7.2). */
export function portalHeaders(publicUrl: string, trustProxy: boolean, formTargets: readonly string[]): MiddlewareHandler<AppEnv> {
  const common: SecureHeadersOptions = {
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      // Browsers apply form-action to the redirect after a POST too: Checkout and the Customer
      // Portal are on Stripe's origins.
      formAction: ["'self'", ...formTargets],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: true,
    crossOriginResourcePolicy: 'same-origin',
  };
  const overHttps = secureHeaders({ ...common, strictTransportSecurity: 'max-age=31536000; includeSubDomains' });
  const overHttp = secureHeaders({ ...common, strictTransportSecurity: false });
  return (c, next) => (isHttps(c, publicUrl, trustProxy) ? overHttps(c, next) : overHttp(c, next));
}
