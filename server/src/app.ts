/**
 * `createApp(deps)`: the whole HTTP API as a Hono app, with no port — tests call
 * `app.request()`, `main.ts` serves it with @hono/node-server.
 *
 * Adding a route group is one file under routes/ exporting `(deps) => OpenAPIHono<AppEnv>` and
 * one `app.route(...)` line in `mountRoutes` below; its zod schemas appear in
 * `/api/openapi.json` automatically.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import pino from 'pino';
import { bodyLimit } from './http/body-limit.js';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv, AppOptions, BrandLoader, RouteDeps } from './context.js';
import { DEFAULT_SCRYPT_COST } from './auth/password.js';
import { PrincipalCache } from './auth/principal-cache.js';
import { onError, onNotFound, problemResponse } from './http/errors.js';
import { createMetrics } from './http/metrics.js';
import { ProblemError } from './http/problem.js';
import { routeGroup } from './http/route-group.js';
import { outboxOnly } from './mail/dispatcher.js';
import { auditRoutes } from './routes/audit.js';
import { auditKeyRoutes } from './routes/audit-key.js';
import { auditRecordRoutes } from './routes/audit-records.js';
import { authRoutes } from './routes/auth.js';
import { brandRoutes } from './routes/brands.js';
import { brandGraphRoutes } from './routes/brand-graph.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { memberRoutes } from './routes/members.js';
import { invitationRoutes } from './routes/invitations.js';
import { tokenRoutes } from './routes/tokens.js';
import { mountGenerationApi } from './generations/mount.js';
import { billingRoutes } from './routes/billing.js';
import { portalRoutes } from './routes/portal.js';
import { billedGenerationService } from './billing/generation.js';
import { billingServicesFromEnv } from './billing/services.js';

export const DEFAULT_OPTIONS: AppOptions = {
  bodyLimitBytes: 1024 * 1024,
  graphLimitBytes: 5 * 1024 * 1024,
  sessionTtlSeconds: 30 * 24 * 3600,
  scryptCost: DEFAULT_SCRYPT_COST,
  trustProxy: false,
  publicUrl: 'http://127.0.0.1:8787',
  loginThrottle: { windowSeconds: 15 * 60, perAccount: 5, perAddress: 20 },
  authCacheMs: 5000,
};

/** Route groups, each at its own base path (a group's middleware never leaks into another's). */
function mountRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  app.route('/', healthRoutes(deps));
  app.route('/api', docsRoutes());
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1/tokens', tokenRoutes(deps));
  app.route('/api/v1/members', memberRoutes(deps));
  app.route('/api/v1/invitations', invitationRoutes(deps));
  app.route('/api/v1/brands', brandRoutes(deps));
  app.route('/api/v1/brands', brandGraphRoutes(deps));
  app.route('/api/v1/audit', auditRoutes(deps));
  app.route('/api/v1/audit', auditRecordRoutes(deps));
  app.route('/.well-known', auditKeyRoutes(deps));
  // One set of billing services (Stripe from the environment) for enforcement and the billing
  // routes: generation takes a rate token, counts against the plan's quota in the storing
  // transaction (402 over it or when billing refuses) and meters after commit (issue 6 §1).
  const billing = billingServicesFromEnv(deps.options.publicUrl);
  mountGenerationApi(app, deps, billedGenerationService(deps, billing));
  app.route('/', billingRoutes(deps, billing));
}

/** Resolves @brandsafe/brand-kit's `loadBrand` once, if that package exports it. */
function defaultBrandLoader(): () => Promise<BrandLoader | undefined> {
  let found: Promise<BrandLoader | undefined> | undefined;
  return () =>
    (found ??= import('@brandsafe/brand-kit').then((mod: Record<string, unknown>) =>
      typeof mod.loadBrand === 'function' ? (mod.loadBrand as BrandLoader) : undefined,
    ));
}

/** Builds the API. Only `deps.db` is required; see `AppDeps` for the rest. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const options: AppOptions = { ...DEFAULT_OPTIONS, ...deps.options };
  const metrics = createMetrics(deps.processMetrics ?? false);
  const routeDeps: RouteDeps = {
    db: deps.db,
    logger,
    emails: deps.emails ?? outboxOnly(logger, false),
    metrics,
    principals: new PrincipalCache(options.authCacheMs),
    options,
    loadBrand: deps.loadBrand === null ? async () => undefined : deps.loadBrand ? async () => deps.loadBrand ?? undefined : defaultBrandLoader(),
  };
  const ping = deps.ping ?? (async () => void (await sql`select 1`.execute(deps.db)));

  const app = routeGroup();
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('log', log);
    await next();
    const route = c.req.routePath || 'unmatched';
    const seconds = (performance.now() - started) / 1000;
    metrics.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics.duration.observe({ method: c.req.method, route }, seconds);
    const p = c.get('principal');
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        route,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
        ...(p ? { workspaceId: p.workspaceId, userId: p.userId, via: p.kind } : {}),
      },
      'request',
    );
  });
  const jsonLimit = bodyLimit({ maxSize: options.bodyLimitBytes, onError: (c) => tooLarge(c, options.bodyLimitBytes) });
  const graphLimit = bodyLimit({ maxSize: options.graphLimitBytes, onError: (c) => tooLarge(c, options.graphLimitBytes) });
  // GET and HEAD handlers never read a body; skipping the limit there spares Hono building a
  // full Request for every read (measured: reads ~2x faster under autocannon).
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    return method === 'PUT' && c.req.path.endsWith('/graph') ? graphLimit(c, next) : jsonLimit(c, next);
  });

  app.get('/readyz', async (c) => {
    try {
      await ping();
      return c.json({ status: 'ready' });
    } catch (err) {
      c.get('log').warn({ err }, 'readiness check failed');
      return problemResponse(c, new ProblemError('UNAVAILABLE', 'the database does not answer'));
    }
  });
  app.get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));

  mountRoutes(app, routeDeps);
  // The web portal calls the API in process through the app's own fetch (issue 6 §3).
  app.route('/', portalRoutes(routeDeps, (request, env) => app.fetch(request, env)));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A session token (bss_…, from sign-up or sign-in) or a personal API token (bsp_…).',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'brandsafe API', version: '1.0.0', description: 'Brand-safe code generation. Errors are RFC 9457 problem details.' },
  });
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

function tooLarge(c: Parameters<typeof problemResponse>[0], limit: number): Response {
  return problemResponse(c, new ProblemError('PAYLOAD_TOO_LARGE', `the request body exceeds ${limit} bytes`, { limit }));
}

/** The app's type, for a typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
