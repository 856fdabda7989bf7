/**
 * Usage analytics (issue 4 §8): `GET /api/v1/analytics/opal` aggregates the Opal tool's calls
 * per brand and UTC day — calls, successes, failures, mean confidence, mean and p95 duration.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { opalDailyStats } from '@brandsafe/db';
import { requireAction } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, ERRORS, json } from '../http/openapi.js';
import { routeGroup } from '../http/route-group.js';
import { ItemsOf } from '../http/schemas.js';

const Query = z.strictObject({
  brandId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Calls at or after (RFC 3339)' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Calls before (RFC 3339)' }),
});

const DayStats = z
  .object({
    brandId: z.uuid().nullable(),
    brandName: z.string().nullable(),
    day: z.string().openapi({ example: '2026-11-24', description: 'UTC day' }),
    calls: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    meanConfidence: z.number().nullable(),
    meanDurationMs: z.number(),
    p95DurationMs: z.number(),
  })
  .openapi('OpalDailyStats');

export function analyticsRoutes(deps: RouteDeps) {
  const app = routeGroup();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/opal',
      tags: ['analytics'],
      summary: 'Opal tool calls per brand and day',
      security: BEARER,
      middleware: requireAuth(deps),
      request: { query: Query },
      responses: { 200: json(ItemsOf(DayStats), 'Newest day first'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403] },
    }),
    async (c) => {
      const p = principalOf(c);
      requireAction(p, 'read');
      const q = c.req.valid('query');
      const items = await inWorkspace(deps, p, (trx) =>
        opalDailyStats(trx, {
          ...(q.brandId ? { brandId: q.brandId } : {}),
          ...(q.from ? { from: new Date(q.from) } : {}),
          ...(q.to ? { to: new Date(q.to) } : {}),
        }),
      );
      return c.json({ items }, 200);
    },
  );
  return app;
}
