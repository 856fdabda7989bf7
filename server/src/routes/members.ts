/**
 * Workspace members and their roles (issue 4 §4). Admins and owners manage members; only an
 * owner may grant, change or remove the owner role, and a workspace always keeps one owner.
 * Any member may leave. Every change is audited in the same transaction.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { appendAuditEvent, countOwners, getMembership, listMemberships, removeMembership, setMembershipRole, type Membership } from '@brandsafe/db';
import { actorOf, type Principal } from '../auth/principal.js';
import { requireAction } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, json, jsonBody } from '../http/openapi.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { ItemsOf, Role } from '../http/schemas.js';

const MemberSchema = z.object({ userId: z.uuid(), email: z.string(), role: Role, createdAt: z.string() }).openapi('Member');
const UserIdParam = z.object({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });
const RoleBody = z.strictObject({ role: Role }).openapi('SetRoleRequest');

const memberJson = (m: Membership) => ({ userId: m.userId, email: m.email, role: m.role, createdAt: m.createdAt.toISOString() });

function requireOwnerFor(p: Principal, ...roles: string[]): void {
  if (roles.includes('owner') && p.role !== 'owner') throw forbidden('only an owner may grant, change or remove the owner role');
}

export function memberRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['members'],
      summary: 'List the members of the workspace',
      security: BEARER,
      middleware: auth,
      responses: { 200: json(ItemsOf(MemberSchema), 'Members, oldest first'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const items = await inWorkspace(deps, p, (trx) => listMemberships(trx));
      return c.json({ items: items.map(memberJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{userId}',
      tags: ['members'],
      summary: "Change a member's role",
      security: BEARER,
      middleware: auth,
      request: { params: UserIdParam, ...jsonBody(RoleBody) },
      responses: { 200: json(MemberSchema, 'The member'), ...ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const { userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      const member = await inWorkspace(deps, p, async (trx) => {
        const before = await getMembership(trx, userId);
        if (!before) throw notFound('member');
        requireOwnerFor(p, before.role, role);
        if (before.role === 'owner' && role !== 'owner' && (await countOwners(trx)) <= 1) throw conflict('a workspace must keep at least one owner');
        await setMembershipRole(trx, userId, role);
        await appendAuditEvent(trx, {
          workspaceId: p.workspaceId,
          type: 'member.role_changed',
          actor: actorOf(p),
          payload: { userId, from: before.role, to: role },
        });
        return { ...before, role };
      });
      deps.principals.clear();
      return c.json(memberJson(member), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{userId}',
      tags: ['members'],
      summary: 'Remove a member (or leave the workspace)',
      security: BEARER,
      middleware: auth,
      request: { params: UserIdParam },
      responses: { 204: { description: 'Removed' }, ...ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const p = principalOf(c);
      const { userId } = c.req.valid('param');
      if (userId !== p.userId) requireAction(p, 'manage-members');
      await inWorkspace(deps, p, async (trx) => {
        const before = await getMembership(trx, userId);
        if (!before) throw notFound('member');
        if (userId !== p.userId) requireOwnerFor(p, before.role);
        if (before.role === 'owner' && (await countOwners(trx)) <= 1) throw conflict('a workspace must keep at least one owner');
        await removeMembership(trx, userId);
        await appendAuditEvent(trx, { workspaceId: p.workspaceId, type: 'member.removed', actor: actorOf(p), payload: { userId, role: before.role } });
      });
      deps.principals.clear();
      return c.body(null, 204);
    },
  );
  return app;
}
