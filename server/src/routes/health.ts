import { createRoute, z } from '@hono/zod-openapi';
import { routeGroup } from '../http/route-group.js';
import type { RouteDeps } from '../context.js';
import { json } from '../http/openapi.js';

/** `/healthz`: the process answers (liveness). Readiness (`/readyz`) checks the database. */
export function healthRoutes(_deps: RouteDeps) {
  const app = routeGroup();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['operations'],
      summary: 'Liveness',
      responses: { 200: json(z.object({ status: z.literal('ok') }), 'The process is alive') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  return app;
}
