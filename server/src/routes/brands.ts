/**
 * Brands (issue 4 §5): create, list, read, and per-brand role overrides. The brand's knowledge
 * (graph versions, selectors, rules, templates, diffs) is in brand-graph.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  appendAuditEvent,
  getMembership,
  insertBrand,
  isUniqueViolation,
  listBrandRoles,
  listBrands,
  removeBrandRole,
  setBrandRole,
  type BrandRecord,
  type BrandRole,
} from '@brandsafe/db';
import { actorOf } from '../auth/principal.js';
import { requireAction } from '../auth/roles.js';
import { brandFor } from '../brands/access.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, IdParam, PAYMENT_REQUIRED, json, jsonBody } from '../http/openapi.js';
import { assertRoomFor } from '../billing/limits.js';
import { ProblemError, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { ItemsOf, Role } from '../http/schemas.js';

const CreateBrandBody = z.strictObject({ name: z.string().trim().min(1).max(100) }).openapi('CreateBrandRequest');
const BrandSchema = z
  .object({ id: z.uuid(), name: z.string(), latestVersion: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Brand');
const BrandRoleSchema = z.object({ userId: z.uuid(), role: Role, createdAt: z.string() }).openapi('BrandRole');
const BrandUserParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});

export const brandJson = (b: BrandRecord) => ({
  id: b.id,
  name: b.name,
  latestVersion: b.latestVersion,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});
const brandRoleJson = (r: BrandRole) => ({ userId: r.userId, role: r.role, createdAt: r.createdAt.toISOString() });

export function brandRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['brands'],
      summary: 'Create a brand',
      security: BEARER,
      middleware: auth,
      request: jsonBody(CreateBrandBody),
      responses: { 201: json(BrandSchema, 'The brand'), ...ERRORS, ...PAYMENT_REQUIRED, ...CONFLICT },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'author');
      const { name } = c.req.valid('json');
      try {
        const brand = await inWorkspace(deps, p, async (trx) => {
          await assertRoomFor(deps, trx, p.workspaceId, 'brand');
          const b = await insertBrand(trx, { workspaceId: p.workspaceId, name, createdBy: p.userId });
          await appendAuditEvent(trx, { workspaceId: p.workspaceId, type: 'brand.created', actor: actorOf(p), payload: { brandId: b.id, name } });
          return b;
        });
        return c.json(brandJson(brand), 201);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ProblemError('CONFLICT', `a brand named ${JSON.stringify(name)} already exists`);
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['brands'],
      summary: 'List brands',
      security: BEARER,
      middleware: auth,
      responses: { 200: json(ItemsOf(BrandSchema), 'Brands by name'), 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const items = await inWorkspace(deps, p, (trx) => listBrands(trx));
      return c.json({ items: items.map(brandJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['brands'],
      summary: 'Read a brand',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam },
      responses: { 200: json(BrandSchema, 'The brand'), ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const brand = await inWorkspace(deps, p, (trx) => brandFor(trx, p, id, 'read'));
      return c.json(brandJson(brand), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/roles',
      tags: ['brands'],
      summary: 'List per-brand role overrides',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam },
      responses: { 200: json(ItemsOf(BrandRoleSchema), 'Overrides'), ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const items = await inWorkspace(deps, p, async (trx) => {
        await brandFor(trx, p, id, 'read');
        return listBrandRoles(trx, id);
      });
      return c.json({ items: items.map(brandRoleJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/roles/{userId}',
      tags: ['brands'],
      summary: "Set a member's role on this brand (overrides the workspace role)",
      security: BEARER,
      middleware: auth,
      request: { params: BrandUserParams, ...jsonBody(z.strictObject({ role: Role }).openapi('SetBrandRoleRequest')) },
      responses: { 200: json(BrandRoleSchema, 'The override'), ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const { id, userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      if (role === 'owner') throw new ProblemError('VALIDATION_FAILED', 'owner is a workspace role, not a brand role', { errors: [{ field: 'role', message: 'owner cannot be set per brand' }] });
      const saved = await inWorkspace(deps, p, async (trx) => {
        await brandFor(trx, p, id, 'read');
        if (!(await getMembership(trx, userId))) throw notFound('member');
        const r = await setBrandRole(trx, { workspaceId: p.workspaceId, brandId: id, userId, role });
        await appendAuditEvent(trx, { workspaceId: p.workspaceId, type: 'brand_role.set', actor: actorOf(p), payload: { brandId: id, userId, role } });
        return r;
      });
      return c.json(brandRoleJson(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/roles/{userId}',
      tags: ['brands'],
      summary: 'Remove a per-brand role override',
      security: BEARER,
      middleware: auth,
      request: { params: BrandUserParams },
      responses: { 204: { description: 'Removed' }, ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'manage-members');
      const { id, userId } = c.req.valid('param');
      await inWorkspace(deps, p, async (trx) => {
        await brandFor(trx, p, id, 'read');
        if (!(await removeBrandRole(trx, id, userId))) throw notFound('brand role');
        await appendAuditEvent(trx, { workspaceId: p.workspaceId, type: 'brand_role.removed', actor: actorOf(p), payload: { brandId: id, userId } });
      });
      return c.body(null, 204);
    },
  );
  return app;
}
