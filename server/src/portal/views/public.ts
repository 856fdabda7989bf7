/** Signed-out pages: landing with the pricing table, sign-in, sign-up, email verification, invitations. */
import { html } from 'hono/html';
import type { planJson } from '../../billing/summary.js';
import { csrfField, page, type Flash, type Html } from './layout.js';

type Plan = ReturnType<typeof planJson>;

/** How the catalog's feature ids read in the pricing table. */
const FEATURE_LABELS: Record<string, string> = {
  email_support: 'Email support',
  analytics: 'Analytics',
  learning_loop: 'Learning loop from reviewer corrections',
  api_access: 'API and Opal access',
  priority_support: 'Priority support',
  sso: 'Single sign-on (later)',
};

const limit = (n: number | null, unit: string) => (n === null ? `Unlimited ${unit}s` : `${n} ${unit}${n === 1 ? '' : 's'}`);

/** The pricing table; `action` renders each plan's button (landing: sign up; billing: checkout). */
export function pricingTable(plans: readonly Plan[], action: (plan: Plan) => Html, current?: string): Html {
  return html`<div class="plans">${plans.map(
    (p) => html`<section class="card plan${current === p.id ? ' current' : ''}" aria-labelledby="plan-${p.id}">
<h3 id="plan-${p.id}">${p.name}${current === p.id ? html` <span class="muted">(current)</span>` : ''}</h3><div class="price">${p.price}</div><p class="muted">${p.tagline}</p>
<ul><li>${limit(p.limits.brand, 'brand')}</li><li>${limit(p.limits.generation, 'generation')} a month</li>${p.features.map((f) => html`<li>${FEATURE_LABELS[f] ?? f}</li>`)}</ul>${action(p)}</section>`,
  )}</div>`;
}

export function landingPage(plans: readonly Plan[]): Html {
  return page(
    { title: 'Brand-safe A/B test code' },
    html`<section class="hero"><h1>Brand-safe code for every A/B test variation</h1>
<p>brandsafe generates experiment code from your brand graph, checks it against your approved selectors and rules, and keeps an audit trail your reviewers can trust.</p>
<a class="button" href="/portal/signup">Start a 14-day free trial</a> <a class="button secondary" href="/portal/login">Sign in</a></section>
<h2 id="pricing">Pricing</h2><p class="muted">Every new workspace starts with a 14-day trial at Starter limits.</p>
${pricingTable(plans, (p) => (p.selfServe ? html`<a class="button" href="/portal/signup?plan=${p.id}">Choose ${p.name}</a>` : html`<a class="button secondary" href="mailto:sales@brandsafe.dev">Contact sales</a>`))}`,
  );
}

export function loginPage(csrf: string, opts: { email?: string; flash?: Flash[] } = {}): Html {
  return page(
    { title: 'Sign in', flash: opts.flash ?? [] },
    html`<div class="auth card"><h1>Sign in</h1><form method="post" action="/portal/login">${csrfField(csrf)}
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${opts.email ?? ''}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form><p>No account? <a href="/portal/signup">Sign up</a></p></div>`,
  );
}

export function signupPage(csrf: string, opts: { email?: string; workspace?: string; plan?: string; flash?: Flash[] } = {}): Html {
  return page(
    { title: 'Sign up', flash: opts.flash ?? [] },
    html`<div class="auth card"><h1>Create your workspace</h1><p class="muted">14-day free trial with Starter limits; choose a paid plan any time.</p>
<form method="post" action="/portal/signup">${csrfField(csrf)}<input type="hidden" name="plan" value="${opts.plan ?? ''}">
<label for="workspace">Workspace name</label><input id="workspace" name="workspace" type="text" required maxlength="100" autocomplete="organization" value="${opts.workspace ?? ''}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required value="${opts.email ?? ''}">
<label for="password">Password <span class="muted">(at least 10 characters)</span></label><input id="password" name="password" type="password" minlength="10" autocomplete="new-password" required>
<button type="submit">Sign up</button></form><p>Have an account? <a href="/portal/login">Sign in</a></p></div>`,
  );
}

/** The verification link lands here; confirming is a POST so link scanners do not consume it. */
export function verifyPage(csrf: string, token: string, flash: Flash[] = []): Html {
  return page(
    { title: 'Confirm your email', flash },
    html`<div class="auth card"><h1>Confirm your email address</h1><form method="post" action="/verify-email">${csrfField(csrf)}
<input type="hidden" name="token" value="${token}"><button type="submit">Confirm email address</button></form></div>`,
  );
}

export function acceptInvitationPage(csrf: string, token: string, flash: Flash[] = []): Html {
  return page(
    { title: 'Join a workspace', flash },
    html`<div class="auth card"><h1>Join the workspace</h1><form method="post" action="/invitations/accept">${csrfField(csrf)}
<input type="hidden" name="token" value="${token}">
<label for="password">Choose a password <span class="muted">(new accounts; at least 10 characters)</span></label>
<input id="password" name="password" type="password" minlength="10" autocomplete="new-password">
<button type="submit">Accept invitation</button></form></div>`,
  );
}

/** The answer to a POST that failed the CSRF checks. */
export function csrfRefusedPage(): Html {
  return page(
    { title: 'Request refused', flash: [{ level: 'error', message: 'This form was not sent from a brandsafe page, or it expired. Nothing was changed.' }] },
    html`<p><a href="/portal">Back to brandsafe</a></p>`,
  );
}

export function messagePage(title: string, flash: Flash, links: Html = html``): Html {
  return page({ title, flash: [flash] }, html`<h1>${title}</h1>${links}`);
}
