/**
 * A brand version's knowledge as JSON: approved selectors, code rules, templates (the typed
 * model @brandsafe/brand-kit built when the version was uploaded), and the diff between two
 * versions.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Brand } from '@brandsafe/brand-kit';
import { getBrandVersion, type Tx } from '@brandsafe/db';
import type { Principal } from '../auth/principal.js';
import { brandFor } from '../brands/access.js';
import { diffBrands } from '../brands/diff.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, ERRORS, IdParam, json } from '../http/openapi.js';
import { notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';

const VersionQuery = z.strictObject({ version: z.string().max(40).optional() });
const DiffQuery = z.strictObject({ from: z.string().min(1).max(40), to: z.string().max(40).optional() });
const Entity = z.looseObject({ id: z.string() });
const Listing = z.object({ brandId: z.uuid(), version: z.string(), items: z.array(Entity) });
const EntityDiff = z.object({
  added: z.array(Entity),
  removed: z.array(Entity),
  changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()), before: Entity, after: Entity })),
});
const DiffSchema = z
  .object({ brandId: z.uuid(), from: z.string(), to: z.string(), selectors: EntityDiff, rules: EntityDiff, templates: EntityDiff })
  .openapi('BrandDiff');

async function modelOf(trx: Tx, p: Principal, brandId: string, version?: string): Promise<{ version: string; model: Brand }> {
  await brandFor(trx, p, brandId, 'read');
  const v = await getBrandVersion(trx, brandId, version);
  if (!v) throw notFound(version ? `version ${version}` : 'brand version (none uploaded yet)');
  return { version: v.version, model: v.model as Brand };
}

const PARTS = { selectors: 'Approved selectors', rules: 'Code rules', templates: 'Templates' } as const;

export function brandKnowledgeRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  for (const [part, title] of Object.entries(PARTS) as [keyof typeof PARTS, string][]) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/{id}/${part}`,
        tags: ['brands'],
        summary: `${title} of the brand (latest, or ?version=)`,
        security: BEARER,
        middleware: auth,
        request: { params: IdParam, query: VersionQuery },
        responses: { 200: json(Listing, title), ...ERRORS },
      }),
      async (c) => {
        const p = principalOf(c);
        const { id } = c.req.valid('param');
        const { version } = c.req.valid('query');
        const v = await inWorkspace(deps, p, (trx) => modelOf(trx, p, id, version));
        return c.json({ brandId: id, version: v.version, items: v.model[part] }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/diff',
      tags: ['brands'],
      summary: 'Selectors, rules and templates added, removed and changed between two versions',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam, query: DiffQuery },
      responses: { 200: json(DiffSchema, 'The diff (`to` defaults to the latest)'), ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const [a, b] = await inWorkspace(deps, p, async (trx) => [await modelOf(trx, p, id, from), await modelOf(trx, p, id, to)] as const);
      return c.json({ brandId: id, from: a.version, to: b.version, ...diffBrands(a.model, b.model) }, 200);
    },
  );
  return app;
}
