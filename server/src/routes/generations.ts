/**
 * Generations (issue 4 §6–7): create with the brand's current version, list with filters and
 * cursor pagination, read one with its transitions and corrections. The review moves and
 * corrections are in generations-review.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { getGenerationDetail, listGenerations } from '@brandsafe/db';
import { requireAction } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import { generationService, type GenerationService } from '../generations/service.js';
import {
  CreateGenerationBody,
  GENERATION_FAILED,
  GenerationDetailSchema,
  GenerationSchema,
  GenerationSummarySchema,
  Status,
  detailJson,
  generationJson,
  summaryJson,
} from '../generations/schemas.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, IdParam, UNAVAILABLE, json, jsonBody } from '../http/openapi.js';
import { ProblemError, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { generationReviewRoutes } from './generations-review.js';

const Created = GenerationSchema.extend({ brandVersion: z.string() }).openapi('GenerationCreated');

/** The cursor is the last id of the previous page, base64url-encoded so clients treat it as opaque. */
const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!z.uuid().safeParse(id).success) {
    throw new ProblemError('VALIDATION_FAILED', 'invalid query: cursor', { errors: [{ field: 'cursor', message: 'not a cursor this API issued' }], in: 'query' });
  }
  return id;
}

const ListQuery = z.strictObject({
  status: Status.optional(),
  brandId: z.uuid().optional(),
  author: z.union([z.uuid(), z.literal('me')]).optional().openapi({ description: 'A user id, or `me`' }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Created at or after (RFC 3339)' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Created before (RFC 3339)' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const Page = z.object({ items: z.array(GenerationSummarySchema), nextCursor: z.string().nullable() }).openapi('GenerationPage');

/** The routes at /api/v1/generations. `service` is shared with the Opal tool when given. */
export function generationRoutes(deps: RouteDeps, service: GenerationService = generationService(deps)) {
  const app = routeGroup();
  const auth = requireAuth(deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['generations'],
      summary: 'Generate brand-safe variation code',
      description:
        "Uses the brand's current version. The template provider is the default; Claude when the server has ANTHROPIC_API_KEY. " +
        'Every candidate is checked; the result carries its findings, a confidence in [0, 1] and a summary of every attempt.',
      security: BEARER,
      middleware: auth,
      request: jsonBody(CreateGenerationBody),
      responses: { 201: json(Created, 'The generation, in status GENERATED'), ...ERRORS, ...CONFLICT, ...GENERATION_FAILED, ...UNAVAILABLE },
    }),
    async (c) => {
      const p = principalOf(c);
      const { brandId, ...request } = c.req.valid('json');
      const created = await service.create(p, { brand: { id: brandId }, ...request }, 'api');
      return c.json({ ...generationJson(created.generation), brandVersion: created.brand.version }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['generations'],
      summary: 'List generations, newest first',
      security: BEARER,
      middleware: auth,
      request: { query: ListQuery },
      responses: { 200: json(Page, 'One page; pass nextCursor as cursor for the next'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const q = c.req.valid('query');
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      const rows = await inWorkspace(deps, p, (trx) =>
        listGenerations(trx, {
          ...(q.status ? { status: q.status } : {}),
          ...(q.brandId ? { brandId: q.brandId } : {}),
          ...(q.author ? { authorId: q.author === 'me' ? p.userId : q.author } : {}),
          ...(q.from ? { from: new Date(q.from) } : {}),
          ...(q.to ? { to: new Date(q.to) } : {}),
          ...(after ? { after } : {}),
          limit: q.limit + 1,
        }),
      );
      if (!rows) throw new ProblemError('VALIDATION_FAILED', 'invalid query: cursor', { errors: [{ field: 'cursor', message: 'names no generation of this workspace' }], in: 'query' });
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return c.json({ items: items.map(summaryJson), nextCursor: rows.length > q.limit && last ? encodeCursor(last.id) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['generations'],
      summary: 'Read a generation with its transitions and corrections',
      security: BEARER,
      middleware: auth,
      request: { params: IdParam },
      responses: { 200: json(GenerationDetailSchema, 'The generation'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const { id } = c.req.valid('param');
      // The body is already the documented JSON (serialized once, then cached), so it is sent as
      // is; `never` tells the typed route that this Response is the declared 200.
      const send = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }) as never;
      const hit = service.reads.get(p.workspaceId, id);
      if (hit !== undefined) return send(hit);
      const started = service.reads.start();
      const found = await inWorkspace(deps, p, (trx) => getGenerationDetail(trx, id));
      if (!found) throw notFound('generation');
      const body = JSON.stringify(detailJson(found.generation, found.transitions, found.corrections));
      service.reads.set(p.workspaceId, id, body, started);
      return send(body);
    },
  );

  app.route('/', generationReviewRoutes(deps, service));
  return app;
}
