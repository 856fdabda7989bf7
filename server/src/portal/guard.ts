/**
 * Shared plumbing of the signed-in pages: the session guard (303 to sign-in), the header user,
 * notices carried across a redirect as short codes (never free text from the URL), and the
 * CSRF-checked form reader.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { PortalApi, PortalSession } from './api-client.js';
import { who, type Who } from './dashboard.js';
import type { PortalContext } from './session.js';
import type { Flash, HeaderUser, Html } from './views/layout.js';

/** Renders a page with a status (no-store). */
export type Render = (c: Context<AppEnv>, view: Html, status?: 200 | 400 | 403 | 404 | 409 | 422 | 429) => Response | Promise<Response>;

/** What the signed-in route helpers share. */
export interface PortalKit {
  ctx: PortalContext;
  api: PortalApi;
  render: Render;
  refuse: (c: Context<AppEnv>) => Response | Promise<Response>;
}

const NOTICES: Record<string, Flash> = {
  invited: { level: 'ok', message: 'Invitation sent.' },
  'invitation-revoked': { level: 'ok', message: 'Invitation revoked.' },
  'role-changed': { level: 'ok', message: 'Role changed.' },
  'member-removed': { level: 'ok', message: 'Member removed.' },
  'token-revoked': { level: 'ok', message: 'Token revoked.' },
  'brand-created': { level: 'ok', message: 'Brand created. Upload its graph below.' },
  'graph-uploaded': { level: 'ok', message: 'Graph uploaded as a new version.' },
  checkout: { level: 'info', message: 'Thank you! Your payment is confirmed by Stripe in a moment; this page shows the plan once it is.' },
  'checkout-cancelled': { level: 'warning', message: 'Checkout was cancelled; nothing was charged.' },
  'plan-change': { level: 'ok', message: 'Plan change requested; Stripe confirms it in a moment.' },
  welcome: { level: 'ok', message: 'Welcome to brandsafe! Your 14-day trial has started.' },
};

/** The notice of a code (unknown codes show nothing). */
export function noticeOf(code: string | undefined): Flash[] {
  const found = code ? NOTICES[code] : undefined;
  return found ? [found] : [];
}

/** The notice named by `?done=` (or `?welcome=1`), if any. */
export function notice(c: Context<AppEnv>): Flash[] {
  return noticeOf(c.req.query('done') ?? (c.req.query('welcome') ? 'welcome' : undefined));
}

/** The page header's user, and the unverified-email reminder. */
export async function headerOf(kit: PortalKit, s: PortalSession, me?: Who): Promise<{ user: HeaderUser; flash: Flash[] }> {
  const w = me ?? (await who(kit.ctx.deps, s.principal));
  return {
    user: { email: w.email, workspace: w.workspace, role: s.principal.role, csrf: s.csrf },
    flash: w.emailVerified ? [] : [{ level: 'info', message: `Confirm your email address: we sent a link to ${w.email}.` }],
  };
}

type Handler = (c: Context<AppEnv>, s: PortalSession) => Response | Promise<Response>;
type FormHandler = (c: Context<AppEnv>, s: PortalSession, form: Record<string, string | File | (string | File)[]>) => Response | Promise<Response>;

/** A signed-in GET page. */
export function page(kit: PortalKit, handler: Handler) {
  return async (c: Context<AppEnv>) => {
    const s = await kit.ctx.session(c);
    if (!s) return c.redirect('/portal/login', 303);
    return handler(c, s);
  };
}

/** A signed-in form POST: CSRF-checked (403 page otherwise), multi-valued fields kept. */
export function action(kit: PortalKit, handler: FormHandler) {
  return async (c: Context<AppEnv>) => {
    const s = await kit.ctx.session(c);
    const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, string | File | (string | File)[]>);
    if (!(await kit.ctx.csrfOk(c, form, s))) return kit.refuse(c);
    if (!s) return c.redirect('/portal/login', 303);
    return handler(c, s, form);
  };
}

/** A single string field. */
export const field = (form: Record<string, unknown>, name: string): string => {
  const v = form[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
};

/** Every string value of a multi-valued field (checkboxes). */
export const fields = (form: Record<string, unknown>, name: string): string[] => {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};
