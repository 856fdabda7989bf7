/**
 * Signed-in portal pages: dashboard, members and invitations, API tokens, brands. Reads that the
 * API serves are fetched through it; every change is the API route, called in process.
 */
import { editorCallback } from '../portal/editor-callback.js';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { routeGroup } from '../http/route-group.js';
import type { BillingServices } from '../billing/services.js';
import { problemMessage, type ApiProblem } from '../portal/api-client.js';
import { dashboardData } from '../portal/dashboard.js';
import { action, field, fields, headerOf, notice, page, type PortalKit } from '../portal/guard.js';
import { dashboardPage } from '../portal/views/dashboard.js';
import type { Flash } from '../portal/views/layout.js';
import { brandPage, brandsPage, membersPage, tokensPage, type Brand, type BrandProblem, type BrandVersion, type Invitation, type Member, type Token } from '../portal/views/workspace.js';

type Items<T> = { items: T[] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errorFlash = (p: ApiProblem): Flash => ({ level: 'error', message: problemMessage(p) });

export function portalWorkspaceRoutes(kit: PortalKit, services: BillingServices) {
  const app = routeGroup();
  const { api, render } = kit;
  const back = (c: Context<AppEnv>, path: string, done: string) => c.redirect(`${path}?done=${done}`, 303);

  app.get('/portal', page(kit, async (c, s) => {
    const data = await dashboardData(kit.ctx.deps, services, s.principal);
    const { user, flash } = await headerOf(kit, s, data.me);
    return render(c, dashboardPage(user, data, [...notice(c), ...flash]));
  }));

  const members = async (c: Context<AppEnv>, s: Parameters<Parameters<typeof page>[1]>[1], extra: Flash[] = [], status: 200 | 400 | 403 | 409 = 200) => {
    const [m, i, h] = await Promise.all([
      api.call<Items<Member>>(c, s.secret, 'GET', '/api/v1/members'),
      api.call<Items<Invitation>>(c, s.secret, 'GET', '/api/v1/invitations'),
      headerOf(kit, s),
    ]);
    const errors = [m, i].flatMap((r) => (r.ok ? [] : [errorFlash(r.problem)]));
    return render(c, membersPage(h.user, m.ok ? m.body.items : [], i.ok ? i.body.items : [], [...notice(c), ...extra, ...errors, ...h.flash]), status);
  };
  app.get('/portal/members', page(kit, (c, s) => members(c, s)));
  app.post('/portal/invitations', action(kit, async (c, s, form) => {
    const r = await api.call(c, s.secret, 'POST', '/api/v1/invitations', { email: field(form, 'email'), role: field(form, 'role') });
    return r.ok ? back(c, '/portal/members', 'invited') : members(c, s, [errorFlash(r.problem)], 400);
  }));
  app.post('/portal/invitations/:id/revoke', action(kit, async (c, s) => {
    const id = c.req.param('id') ?? '';
    const r = UUID.test(id) ? await api.call(c, s.secret, 'DELETE', `/api/v1/invitations/${id}`) : undefined;
    return r?.ok ? back(c, '/portal/members', 'invitation-revoked') : members(c, s, [r ? errorFlash(r.problem) : { level: 'error', message: 'unknown invitation' }], 400);
  }));
  app.post('/portal/members/:userId/role', action(kit, async (c, s, form) => {
    const id = c.req.param('userId') ?? '';
    const r = UUID.test(id) ? await api.call(c, s.secret, 'PATCH', `/api/v1/members/${id}`, { role: field(form, 'role') }) : undefined;
    return r?.ok ? back(c, '/portal/members', 'role-changed') : members(c, s, [r ? errorFlash(r.problem) : { level: 'error', message: 'unknown member' }], 400);
  }));
  app.post('/portal/members/:userId/remove', action(kit, async (c, s) => {
    const id = c.req.param('userId') ?? '';
    const r = UUID.test(id) ? await api.call(c, s.secret, 'DELETE', `/api/v1/members/${id}`) : undefined;
    return r?.ok ? back(c, '/portal/members', 'member-removed') : members(c, s, [r ? errorFlash(r.problem) : { level: 'error', message: 'unknown member' }], 400);
  }));

  const tokens = async (c: Context<AppEnv>, s: Parameters<Parameters<typeof page>[1]>[1], extra: Flash[] = [], created?: { name: string; token: string }, status: 200 | 400 = 200, editor?: string) => {
    const [t, h] = await Promise.all([api.call<Items<Token>>(c, s.secret, 'GET', '/api/v1/tokens'), headerOf(kit, s)]);
    return render(c, tokensPage(h.user, t.ok ? t.body.items : [], [...notice(c), ...extra, ...(t.ok ? [] : [errorFlash(t.problem)]), ...h.flash], created, editor), status);
  };
  app.get('/portal/tokens', page(kit, (c, s) => tokens(c, s, [], undefined, 200, editorCallback(c.req.query('redirect_uri')))));
  app.post('/portal/tokens', action(kit, async (c, s, form) => {
    const editor = editorCallback(field(form, 'redirect_uri'));
    const days = field(form, 'expiresInDays');
    const body = { name: field(form, 'name'), scopes: fields(form, 'scopes'), ...(days ? { expiresInDays: Number(days) } : {}) };
    const r = await api.call<{ name: string; token: string }>(c, s.secret, 'POST', '/api/v1/tokens', body);
    // The secret is rendered in this response only (never in a URL or a redirect).
    return r.ok ? tokens(c, s, [], { name: r.body.name, token: r.body.token }, 200, editor) : tokens(c, s, [errorFlash(r.problem)], undefined, 400, editor);
  }));
  app.post('/portal/tokens/:id/revoke', action(kit, async (c, s) => {
    const id = c.req.param('id') ?? '';
    const r = UUID.test(id) ? await api.call(c, s.secret, 'DELETE', `/api/v1/tokens/${id}`) : undefined;
    return r?.ok ? back(c, '/portal/tokens', 'token-revoked') : tokens(c, s, [r ? errorFlash(r.problem) : { level: 'error', message: 'unknown token' }], undefined, 400);
  }));

  app.get('/portal/brands', page(kit, async (c, s) => {
    const [b, h] = await Promise.all([api.call<Items<Brand>>(c, s.secret, 'GET', '/api/v1/brands'), headerOf(kit, s)]);
    return render(c, brandsPage(h.user, b.ok ? b.body.items : [], [...notice(c), ...(b.ok ? [] : [errorFlash(b.problem)]), ...h.flash]));
  }));
  app.post('/portal/brands', action(kit, async (c, s, form) => {
    const r = await api.call<Brand>(c, s.secret, 'POST', '/api/v1/brands', { name: field(form, 'name') });
    if (r.ok) return c.redirect(`/portal/brands/${r.body.id}?done=brand-created`, 303);
    const [b, h] = await Promise.all([api.call<Items<Brand>>(c, s.secret, 'GET', '/api/v1/brands'), headerOf(kit, s)]);
    return render(c, brandsPage(h.user, b.ok ? b.body.items : [], [errorFlash(r.problem), ...h.flash]), 400);
  }));

  const brand = async (c: Context<AppEnv>, s: Parameters<Parameters<typeof page>[1]>[1], id: string, extra: Flash[] = [], problems?: BrandProblem[], turtle = '', status: 200 | 400 | 422 = 200) => {
    if (!UUID.test(id)) return c.redirect('/portal/brands', 303);
    const [b, v, h] = await Promise.all([
      api.call<Brand>(c, s.secret, 'GET', `/api/v1/brands/${id}`),
      api.call<Items<BrandVersion>>(c, s.secret, 'GET', `/api/v1/brands/${id}/versions`),
      headerOf(kit, s),
    ]);
    if (!b.ok) return c.redirect('/portal/brands', 303);
    return render(c, brandPage(h.user, b.body, v.ok ? [...v.body.items].reverse() : [], [...notice(c), ...extra, ...h.flash], problems, turtle), status);
  };
  app.get('/portal/brands/:id', page(kit, (c, s) => brand(c, s, c.req.param('id') ?? '')));
  app.post('/portal/brands/:id/graph', action(kit, async (c, s, form) => {
    const id = c.req.param('id') ?? '';
    const file = form.file;
    const uploaded = file instanceof File && file.size > 0 ? await file.text() : '';
    const text = uploaded || field(form, 'turtle');
    if (!text) return brand(c, s, id, [{ level: 'error', message: 'Choose a Turtle file or paste the graph.' }], undefined, '', 400);
    const r = await api.call<{ version: string; problems: BrandProblem[] }>(c, s.secret, 'PUT', `/api/v1/brands/${id}/graph`, text, 'text/turtle');
    if (r.ok) return brand(c, s, id, [{ level: 'ok', message: `Version ${r.body.version} uploaded.` }], r.body.problems);
    const problems = Array.isArray(r.problem.problems) ? (r.problem.problems as BrandProblem[]) : undefined;
    return brand(c, s, id, [errorFlash(r.problem)], problems, uploaded ? '' : text, 422);
  }));

  return app;
}
