/**
 * The page frame: header with the workspace navigation and sign-out form, flash messages and the
 * billing banner. Built with hono/html, whose interpolations are HTML-escaped.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A message shown at the top of a page. */
export interface Flash {
  level: 'info' | 'warning' | 'error' | 'ok';
  message: string;
  action?: { label: string; href: string } | null;
}

/** Who is signed in, for the header. */
export interface HeaderUser {
  email: string;
  workspace: string;
  role: string;
  csrf: string;
}

const NAV = [
  ['/portal', 'Dashboard'],
  ['/portal/members', 'Members'],
  ['/portal/tokens', 'API tokens'],
  ['/portal/brands', 'Brands'],
  ['/portal/billing', 'Billing'],
] as const;

/** The hidden CSRF field every form carries. */
export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

export function flashes(items: readonly (Flash | null | undefined)[]): Html {
  return html`${items.filter((f): f is Flash => Boolean(f)).map(
    (f) => html`<div class="flash ${f.level}" role="${f.level === 'error' ? 'alert' : 'status'}">${f.message}${f.action ? html` <a href="${f.action.href}">${f.action.label}</a>` : ''}</div>`,
  )}`;
}

/** A whole page. `current` marks the active navigation entry. */
export function page(opts: { title: string; user?: HeaderUser; current?: string; flash?: readonly (Flash | null | undefined)[] }, body: Html): Html {
  const { user } = opts;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · brandsafe</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/portal/assets/portal.css"><script src="/portal/assets/portal.js" defer></script></head>
<body><a class="skip" href="#main">Skip to content</a><header class="top"><a class="logo" href="${user ? '/portal' : '/'}">brandsafe</a>
${user
  ? html`<nav class="main" aria-label="Workspace">${NAV.map(([href, label]) => html`<a href="${href}"${opts.current === href ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>
<span class="muted" title="${user.email}">${user.workspace} · ${user.role}</span>
<form method="post" action="/portal/logout">${csrfField(user.csrf)}<button type="submit">Sign out</button></form>`
  : html`<nav class="main" aria-label="Account"><a href="/#pricing">Pricing</a><a href="/portal/login">Sign in</a><a href="/portal/signup">Sign up</a></nav>`}
</header>
<main id="main">${flashes(opts.flash ?? [])}${body}</main></body></html>`;
}

/** Formats an ISO time for tables (UTC, minutes). */
export const when = (iso: string | Date | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—');
