/**
 * A brand's knowledge graph (issue 4 §5): upload Turtle as a new semver version (SHACL
 * validated by @brandsafe/brand-kit; 422 listing every problem with 1-based line and column),
 * read it back as Turtle, list versions. Selectors, rules, templates and diffs: brand-knowledge.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  appendAuditEvent,
  getBrandVersion,
  insertBrandVersion,
  listBrandVersions,
  lockBrand,
  setLatestVersion,
} from '@brandsafe/db';
import { actorOf } from '../auth/principal.js';
import { brandFor } from '../brands/access.js';
import { toApiProblem } from '../brands/problems.js';
import { chooseVersion } from '../brands/versioning.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, IdParam, UNAVAILABLE, UNPROCESSABLE, UNSUPPORTED, json } from '../http/openapi.js';
import { ProblemError, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { ItemsOf } from '../http/schemas.js';
import { brandKnowledgeRoutes } from './brand-knowledge.js';

const TURTLE_TYPES = ['text/turtle', 'application/x-turtle'];
const VersionQuery = z.strictObject({ version: z.string().max(40).optional() });

export const ProblemItem = z
  .object({
    kind: z.enum(['turtle-syntax', 'shacl', 'model']),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    endLine: z.number().int().min(1),
    endColumn: z.number().int().min(1),
    focusNode: z.string().optional(),
    path: z.string().optional(),
    constraint: z.string().optional(),
  })
  .openapi('BrandProblem');

const VersionSchema = z
  .object({ brandId: z.uuid(), version: z.string(), problems: z.array(ProblemItem), createdAt: z.string() })
  .openapi('BrandVersion');
const UploadResult = VersionSchema.extend({
  counts: z.object({ selectors: z.number().int(), rules: z.number().int(), templates: z.number().int() }),
}).openapi('BrandVersionCreated');

export function brandGraphRoutes(deps: RouteDeps) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/graph',
      tags: ['brands'],
      summary: 'Upload the brand graph (Turtle) as a new version',
      description:
        'The version is the `version` query parameter, else the graph’s bs:version, else the next patch. Versions only increase. ' +
        'A graph with any error (Turtle syntax or SHACL) is refused with 422 listing every problem.',
      security: BEARER,
      middleware: auth,
      request: {
        params: IdParam,
        query: VersionQuery,
        body: { required: true, content: { 'text/turtle': { schema: z.string() } } },
      },
      responses: { 201: json(UploadResult, 'The new version'), ...ERRORS, ...CONFLICT, ...UNPROCESSABLE, ...UNSUPPORTED, ...UNAVAILABLE },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const { version: requested } = c.req.valid('query');
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (!type || !TURTLE_TYPES.includes(type)) throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', 'send the graph as Content-Type: text/turtle');
      // Check access before doing the (CPU-bound) parse and validation.
      await inWorkspace(deps, p, (trx) => brandFor(trx, p, id, 'author'));
      const loadBrand = await deps.loadBrand();
      if (!loadBrand) throw new ProblemError('UNAVAILABLE', 'brand graph validation is not available in this build');
      const text = await c.req.text();
      const loaded = await loadBrand(text, { file: `brand-${id}.ttl` });
      const problems = loaded.problems.map(toApiProblem);
      if (!loaded.brand || problems.some((x) => x.severity === 'error')) {
        throw new ProblemError('INVALID_BRAND_GRAPH', `the graph has ${problems.filter((x) => x.severity === 'error').length} error(s)`, {
          problems,
        });
      }
      const model = loaded.brand;
      const created = await inWorkspace(deps, p, async (trx) => {
        const brand = await lockBrand(trx, id);
        if (!brand) throw notFound('brand');
        const version = chooseVersion(brand.latestVersion, requested, model.version);
        const row = await insertBrandVersion(trx, {
          workspaceId: p.workspaceId,
          brandId: id,
          version,
          turtle: text,
          model: { ...model, version },
          problems,
          createdBy: p.userId,
        });
        await setLatestVersion(trx, id, version);
        await appendAuditEvent(trx, {
          workspaceId: p.workspaceId,
          type: 'brand.version_created',
          actor: actorOf(p),
          payload: { brandId: id, version, versionId: row.id, previous: brand.latestVersion },
        });
        return row;
      });
      return c.json(
        {
          brandId: id,
          version: created.version,
          problems,
          createdAt: created.createdAt.toISOString(),
          counts: { selectors: model.selectors.length, rules: model.rules.length, templates: model.templates.length },
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/graph',
      tags: ['brands'],
      summary: 'The brand graph as Turtle (latest, or ?version=)',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam, query: VersionQuery },
      responses: {
        200: { description: 'Turtle, with an ETag', content: { 'text/turtle': { schema: z.string() } } },
        304: { description: 'Not modified: If-None-Match names the current ETag' },
        ...ERRORS,
      },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      const v = await inWorkspace(deps, p, async (trx) => {
        await brandFor(trx, p, id, 'read');
        return getBrandVersion(trx, id, version);
      });
      if (!v) throw notFound(version ? `version ${version}` : 'brand graph (no version uploaded yet)');
      // A version's Turtle never changes (versions are immutable and only increase), so brand id +
      // version is a strong validator: editors re-fetch with If-None-Match and get 304 until a new
      // version is uploaded (RFC 9110 §8.8.3, §13.1.2).
      const etag = `"${id}@${v.version}"`;
      const headers = { etag, 'cache-control': 'private, no-cache', 'x-brand-version': v.version };
      if (ifNoneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
      return c.body(v.turtle, 200, { ...headers, 'content-type': 'text/turtle; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions',
      tags: ['brands'],
      summary: 'List versions, newest first',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam },
      responses: { 200: json(ItemsOf(VersionSchema), 'Versions'), ...ERRORS },
    }),
    async (c) => {
      const p = principalOf(c);
      const { id } = c.req.valid('param');
      const items = await inWorkspace(deps, p, async (trx) => {
        await brandFor(trx, p, id, 'read');
        return listBrandVersions(trx, id);
      });
      return c.json(
        {
          items: items.map((v) => ({
            brandId: v.brandId,
            version: v.version,
            problems: v.problems as z.infer<typeof ProblemItem>[],
            createdAt: v.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  app.route('/', brandKnowledgeRoutes(deps));
  return app;
}

/** True when an If-None-Match header lists `etag` or `*` (weak comparison, RFC 9110 §13.1.2). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
