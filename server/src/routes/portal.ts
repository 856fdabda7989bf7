/**
 * The web portal (issue 6 §3), served by the API's own app: signed-out pages here (landing and
 * pricing, sign-in, sign-up, email verification, accepting an invitation, sign-out), the
 * workspace pages in portal-workspace.ts and portal-billing.ts. Every change goes through the API
 * in process (see portal/api-client.ts), as the session in the cookie.
 */
import { PLAN_IDS } from '@brandsafe/billing';
import type { Context } from 'hono';
import type { AppEnv, RouteDeps } from '../context.js';
import { routeGroup } from '../http/route-group.js';
import { planJson } from '../billing/summary.js';
import { billingServicesFromEnv, type BillingServices } from '../billing/services.js';
import { bodyLimit } from 'hono/body-limit';
import { PORTAL_CSS, PORTAL_JS } from '../portal/assets.js';
import { PortalApi, problemMessage, type ApiFetch } from '../portal/api-client.js';
import { anonymousCsrfToken, clearSessionCookie, portalHeaders, writeSessionCookie } from '../portal/security.js';
import { portalContext } from '../portal/session.js';
import { acceptInvitationPage, csrfRefusedPage, landingPage, loginPage, messagePage, signupPage, verifyPage } from '../portal/views/public.js';
import type { Html } from '../portal/views/layout.js';
import type { Render } from '../portal/guard.js';
import { portalWorkspaceRoutes } from './portal-workspace.js';
import { portalBillingRoutes } from './portal-billing.js';

type Session = { token: string; expiresAt: string };

/** Where Checkout and the Customer Portal live, for the CSP's form-action. */
function stripeFormTargets(env: NodeJS.ProcessEnv): string[] {
  const targets = ['https://checkout.stripe.com', 'https://billing.stripe.com'];
  if (env.STRIPE_API_BASE) {
    try {
      targets.push(new URL(env.STRIPE_API_BASE).origin);
    } catch {
      // config.ts reports a malformed STRIPE_API_BASE; the CSP just leaves it out.
    }
  }
  return targets;
}

/** String form fields of a urlencoded or multipart body. */
export async function formOf(c: Context<AppEnv>): Promise<Record<string, string | File>> {
  const body = await c.req.parseBody().catch(() => ({}));
  const out: Record<string, string | File> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' || v instanceof File) out[k] = v;
  return out;
}

export const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The portal routes. `fetchApi` is the app's own fetch (the portal calls the API through it);
 * mounted at `/` by `createApp`.
 */
export function portalRoutes(deps: RouteDeps, fetchApi: ApiFetch, services: BillingServices = billingServicesFromEnv(deps.options.publicUrl), env: NodeJS.ProcessEnv = process.env) {
  const app = routeGroup();
  const ctx = portalContext(deps);
  const api = new PortalApi(fetchApi, deps.options.publicUrl);
  const headers = portalHeaders(deps.options.publicUrl, deps.options.trustProxy, stripeFormTargets(env));
  for (const path of ['/', '/portal', '/portal/*', '/verify-email', '/invitations/accept']) app.use(path, headers);
  // Forms are small; a brand graph upload may be as large as the API allows for Turtle.
  app.use('/portal/*', bodyLimit({ maxSize: deps.options.graphLimitBytes + 64 * 1024, onError: (c) => c.text('The upload is too large.', 413) }));

  const render: Render = (c: Context<AppEnv>, view: Html, status = 200) => {
    c.header('cache-control', 'no-store');
    return c.html(view, status);
  };
  const refuse = (c: Context<AppEnv>) => render(c, csrfRefusedPage(), 403);
  const signIn = async (c: Context<AppEnv>, session: Session, previous?: string) => {
    // Rotation: the new session replaces any the browser held (session fixation).
    if (previous && previous !== session.token) await api.call(c, previous, 'POST', '/api/v1/auth/logout');
    writeSessionCookie(c, ctx.secure(c), session.token, new Date(session.expiresAt));
  };

  app.get('/portal/assets/portal.css', (c) => c.body(PORTAL_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/portal/assets/portal.js', (c) => c.body(PORTAL_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  app.get('/', (c) => render(c, landingPage(PLAN_IDS.map(planJson))));

  // Rendered even with a session cookie: signing in again replaces it (see signIn).
  app.get('/portal/login', (c) => render(c, loginPage(anonymousCsrfToken(c, ctx.secure(c)))));
  app.post('/portal/login', async (c) => {
    const form = await formOf(c);
    const current = await ctx.session(c);
    if (!(await ctx.csrfOk(c, form, undefined))) return refuse(c);
    const email = str(form.email);
    const res = await api.call<Session>(c, undefined, 'POST', '/api/v1/auth/login', { email, password: typeof form.password === 'string' ? form.password : '' });
    if (!res.ok) {
      // The API's sign-in throttle (per account and per address) answers 429 with Retry-After.
      if (res.retryAfter) c.header('retry-after', res.retryAfter);
      return render(c, loginPage(anonymousCsrfToken(c, ctx.secure(c)), { email, flash: [{ level: 'error', message: problemMessage(res.problem) }] }), res.status === 429 ? 429 : 400);
    }
    await signIn(c, res.body, current?.secret);
    return c.redirect('/portal', 303);
  });

  app.get('/portal/signup', (c) => render(c, signupPage(anonymousCsrfToken(c, ctx.secure(c)), { plan: c.req.query('plan') ?? '' })));
  app.post('/portal/signup', async (c) => {
    const form = await formOf(c);
    if (!(await ctx.csrfOk(c, form, undefined))) return refuse(c);
    const values = { email: str(form.email), workspace: str(form.workspace), plan: str(form.plan) };
    const res = await api.call<Session>(c, undefined, 'POST', '/api/v1/auth/signup', { email: values.email, password: typeof form.password === 'string' ? form.password : '', workspace: values.workspace });
    if (!res.ok) return render(c, signupPage(anonymousCsrfToken(c, ctx.secure(c)), { ...values, flash: [{ level: 'error', message: problemMessage(res.problem) }] }), 400);
    await signIn(c, res.body, (await ctx.session(c))?.secret);
    return c.redirect(values.plan && values.plan !== 'enterprise' ? `/portal/billing?welcome=1&plan=${encodeURIComponent(values.plan)}` : '/portal?welcome=1', 303);
  });

  app.post('/portal/logout', async (c) => {
    const form = await formOf(c);
    const session = await ctx.session(c);
    if (!(await ctx.csrfOk(c, form, session))) return refuse(c);
    if (session) await api.call(c, session.secret, 'POST', '/api/v1/auth/logout');
    clearSessionCookie(c, ctx.secure(c));
    return c.redirect('/portal/login', 303);
  });

  app.get('/verify-email', (c) => render(c, verifyPage(anonymousCsrfToken(c, ctx.secure(c)), c.req.query('token') ?? '')));
  app.post('/verify-email', async (c) => {
    const form = await formOf(c);
    if (!(await ctx.csrfOk(c, form, undefined))) return refuse(c);
    const res = await api.call(c, undefined, 'POST', '/api/v1/auth/verify-email', { token: str(form.token) });
    if (!res.ok) return render(c, verifyPage(anonymousCsrfToken(c, ctx.secure(c)), str(form.token), [{ level: 'error', message: problemMessage(res.problem) }]), 400);
    const signedIn = await ctx.session(c);
    return render(c, messagePage('Email address confirmed', { level: 'ok', message: 'Your email address is confirmed.', action: { label: signedIn ? 'Go to your dashboard' : 'Sign in', href: signedIn ? '/portal' : '/portal/login' } }));
  });

  app.get('/invitations/accept', (c) => render(c, acceptInvitationPage(anonymousCsrfToken(c, ctx.secure(c)), c.req.query('token') ?? '')));
  app.post('/invitations/accept', async (c) => {
    const form = await formOf(c);
    const current = await ctx.session(c);
    if (!(await ctx.csrfOk(c, form, undefined))) return refuse(c);
    const password = typeof form.password === 'string' && form.password ? form.password : undefined;
    const res = await api.call<Session>(c, current?.secret, 'POST', '/api/v1/invitations/accept', { token: str(form.token), ...(password ? { password } : {}) });
    if (!res.ok) return render(c, acceptInvitationPage(anonymousCsrfToken(c, ctx.secure(c)), str(form.token), [{ level: 'error', message: problemMessage(res.problem) }]), 400);
    await signIn(c, res.body, current?.secret);
    return c.redirect('/portal', 303);
  });

  const kit = { ctx, api, render, refuse };
  app.route('/', portalWorkspaceRoutes(kit, services));
  app.route('/', portalBillingRoutes(kit));
  return app;
}
