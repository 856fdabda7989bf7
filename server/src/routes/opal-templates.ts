/**
 * The Opal companion tool `list_brand_templates` (POST /opal/tools/list-brand-templates): the
 * brand's templates with their test types, page types and typed parameters, from the brand's
 * current version, so Opal's assistant can choose `test_type` and `template_parameters` for
 * `generate_brand_safe_code` instead of guessing. Read-only; needs an API token with `read`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { getBrandGenerationContext } from '@brandsafe/db';
import { rankTemplates } from '@brandsafe/generation';
import { requireAction } from '../auth/roles.js';
import type { RouteDeps } from '../context.js';
import type { GenerationService } from '../generations/service.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { BEARER, CONFLICT, ERRORS, json, jsonBody } from '../http/openapi.js';
import { conflict, notFound } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { brandRef, toolArguments, toolBody } from '../opal/arguments.js';
import { LIST_ENDPOINT } from '../opal/discovery.js';
import { requireApiToken } from './opal.js';

const ListArgs = z
  .strictObject({
    brand: z.string().trim().min(1).max(200).openapi({ description: 'Brand name or id' }),
    test_type: z.string().trim().min(1).max(100).optional(),
    page_type: z.string().trim().min(1).max(100).optional(),
  })
  .openapi('OpalListTemplatesParameters');

const TemplateInfo = z
  .object({
    id: z.string(),
    label: z.string(),
    testType: z.string(),
    description: z.string().nullable(),
    pageTypes: z.array(z.string()),
    parameters: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        required: z.boolean(),
        default: z.string().nullable(),
        description: z.string().nullable(),
        pageType: z.string().nullable(),
      }),
    ),
  })
  .openapi('OpalTemplateInfo');
const ListResult = z
  .object({ brand: z.object({ id: z.uuid(), name: z.string(), version: z.string() }), templates: z.array(TemplateInfo) })
  .openapi('OpalListTemplatesResult');

export function opalTemplateRoutes(deps: RouteDeps, service: GenerationService) {
  const app = routeGroup();
  app.openapi(
    createRoute({
      method: 'post',
      path: LIST_ENDPOINT.slice('/opal'.length),
      tags: ['opal'],
      summary: "Opal tool: list a brand's templates and their parameters",
      security: BEARER,
      middleware: requireAuth(deps),
      request: jsonBody(toolBody(ListArgs, 'OpalListTemplatesRequest')),
      responses: { 200: json(ListResult, 'Templates, best fit first when test_type is given'), ...ERRORS, ...CONFLICT },
    }),
    async (c) => {
      const p = principalOf(c);
      requireApiToken(p);
      requireAction(p, 'read');
      const args = toolArguments(ListArgs, c.req.valid('json'));
      const found = await inWorkspace(deps, p, async (trx) => {
        const ctx = await getBrandGenerationContext(trx, brandRef(args.brand), p.userId);
        if (!ctx) throw notFound('brand');
        if (!ctx.versionId || !ctx.version) throw conflict('the brand has no graph yet', { brandId: ctx.brandId });
        return { ctx, version: ctx.version, brand: await service.brandModel(trx, ctx.versionId) };
      });
      const page = args.page_type;
      const templates =
        args.test_type === undefined
          ? found.brand.templates.filter((t) => page === undefined || t.pageTypes.length === 0 || t.pageTypes.includes(page))
          : rankTemplates(found.brand.templates, { testType: args.test_type, description: '', ...(page ? { pageType: page } : {}) }).map((r) => r.template);
      return c.json(
        {
          brand: { id: found.ctx.brandId, name: found.ctx.brandName, version: found.version },
          templates: templates.map((t) => ({
            id: t.id,
            label: t.label,
            testType: t.testType,
            description: t.description ?? null,
            pageTypes: t.pageTypes,
            parameters: t.parameters.map((x) => ({
              name: x.name,
              type: x.type,
              required: x.required,
              default: x.default ?? null,
              description: x.description ?? null,
              pageType: x.pageType ?? null,
            })),
          })),
        },
        200,
      );
    },
  );
  return app;
}
