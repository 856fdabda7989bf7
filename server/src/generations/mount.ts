/**
 * Mounts the generation API in one call (one registration line in app.ts): the generations
 * and their review at /api/v1/generations, the Opal tools at /opal, usage analytics at
 * /api/v1/analytics. The REST route and the Opal tool share one GenerationService, so they
 * share its provider and its cache of brand models.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.js';
import { analyticsRoutes } from '../routes/analytics.js';
import { generationRoutes } from '../routes/generations.js';
import { opalRootRoutes, opalRoutes } from '../routes/opal.js';
import { opalTemplateRoutes } from '../routes/opal-templates.js';
import { generationService, type GenerationService } from './service.js';

export function mountGenerationApi(app: OpenAPIHono<AppEnv>, deps: RouteDeps, service: GenerationService = generationService(deps)): void {
  app.route('/api/v1/generations', generationRoutes(deps, service));
  app.route('/api/v1/analytics', analyticsRoutes(deps));
  app.route('/', opalRootRoutes());
  app.route('/opal', opalRoutes(deps, service));
  app.route('/opal', opalTemplateRoutes(deps, service));
}
