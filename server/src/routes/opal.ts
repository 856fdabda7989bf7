/**
 * The Optimizely Opal custom tool (issue 4 §8), mounted at /opal: `GET /opal/discovery` (the
 * manifest, opal/discovery.ts) and `POST /opal/tools/generate-brand-safe-code`, which takes the
 * tool arguments wrapped as Opal sends them (`{"parameters": {...}, "auth"?: {...}}`) or as a
 * bare body, authenticates a personal API token (Opal's registry-level bearer credential),
 * generates through the same service as `POST /api/v1/generations`, and records the call in
 * `opal_requests` for `GET /api/v1/analytics/opal`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { insertOpalRequest, type BrandGenerationContext } from '@brandsafe/db';
import { bodyLimit } from '../http/body-limit.js';
import type { Principal } from '../auth/principal.js';
import type { RouteDeps } from '../context.js';
import { AttemptSummary, FindingSchema, GENERATION_FAILED, Status, attemptSummary, generationFields } from '../generations/schemas.js';
import type { GenerationService } from '../generations/service.js';
import { DISCOVERY, GENERATE_ENDPOINT } from '../opal/discovery.js';
import { inWorkspace, principalOf, requireAuth } from '../http/auth.js';
import { problemResponse } from '../http/errors.js';
import { BEARER, CONFLICT, ERRORS, json, jsonBody, UNAVAILABLE } from '../http/openapi.js';
import { ProblemError } from '../http/problem.js';
import { routeGroup } from '../http/route-group.js';
import { brandRef, toolArguments, toolBody } from '../opal/arguments.js';

const ToolArgs = z
  .strictObject({
    brand: z.string().trim().min(1).max(200).openapi({ description: 'Brand name or id' }),
    test_type: generationFields.testType,
    description: generationFields.description,
    template_parameters: generationFields.parameters,
    template_id: generationFields.templateId,
    page_type: generationFields.pageType,
  })
  .openapi('OpalToolParameters');

const ToolBody = toolBody(ToolArgs, 'OpalToolRequest');

const ToolResult = z
  .object({
    code: z.string(),
    findings: z.array(FindingSchema),
    confidence: z.number(),
    generationId: z.uuid(),
    status: Status,
    provider: z.string(),
    templateId: z.string().nullable(),
    brand: z.object({ id: z.uuid(), name: z.string(), version: z.string() }),
    attempts: z.array(AttemptSummary),
  })
  .openapi('OpalToolResult');

const ParameterSchema = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'number', 'boolean', 'array', 'object']),
  description: z.string(),
  required: z.boolean(),
});
const DiscoverySchema = z
  .object({
    functions: z.array(
      z.object({ name: z.string(), description: z.string(), parameters: z.array(ParameterSchema), endpoint: z.string(), http_method: z.literal('POST') }),
    ),
  })
  .openapi('OpalDiscovery');

/** Opal's credential is a personal API token; sessions expire and belong in browsers. */
export function requireApiToken(p: Principal): void {
  if (p.kind !== 'token') {
    throw new ProblemError('UNAUTHENTICATED', 'the Opal tool takes a personal API token (bsp_…) with the generate scope', {}, { 'WWW-Authenticate': 'Bearer realm="brandsafe"' });
  }
}

/** `GET /discovery` on a group: the manifest, exactly `{"functions": [...]}`. */
function addDiscovery(app: ReturnType<typeof routeGroup>, summary: string): void {
  app.openapi(
    createRoute({ method: 'get', path: '/discovery', tags: ['opal'], summary, responses: { 200: json(DiscoverySchema, 'The tool manifest: exactly {"functions": [...]}') } }),
    (c) => c.json(DISCOVERY, 200),
  );
}

/**
 * The manifest at the root as well (`/discovery`). Opal resolves a tool's `endpoint` against
 * the registry URL's base; registering `https://<host>/discovery` makes that base the origin
 * whichever way it is derived, so `/opal/tools/...` always reaches the tool.
 */
export function opalRootRoutes() {
  const app = routeGroup();
  addDiscovery(app, 'Optimizely Opal tool discovery (root alias of /opal/discovery; register this URL in Opal)');
  return app;
}

export function opalRoutes(deps: RouteDeps, service: GenerationService) {
  const app = routeGroup();
  const auth = requireAuth(deps);
  const limit = deps.options.bodyLimitBytes;
  // The app's body limit covers /api/*; the tool endpoint needs its own.
  app.use(
    '/tools/*',
    bodyLimit({ maxSize: limit, onError: (c) => problemResponse(c, new ProblemError('PAYLOAD_TOO_LARGE', `the request body exceeds ${limit} bytes`, { limit })) }),
  );

  addDiscovery(app, 'Optimizely Opal tool discovery');

  app.openapi(
    createRoute({
      method: 'post',
      path: GENERATE_ENDPOINT.slice('/opal'.length),
      tags: ['opal'],
      summary: 'Opal tool: generate brand-safe code',
      description: 'Send `{"parameters": {...}}` as Opal does, or the same fields as a bare body. Needs an API token with the generate scope.',
      security: BEARER,
      middleware: auth,
      request: jsonBody(ToolBody),
      responses: {
        200: json(ToolResult, 'The generated code, its findings and confidence'),
        ...ERRORS,
        ...CONFLICT,
        ...GENERATION_FAILED,
        ...UNAVAILABLE,
      },
    }),
    async (c) => {
      const started = performance.now();
      const p = principalOf(c);
      requireApiToken(p);
      const args = toolArguments(ToolArgs, c.req.valid('json'));
      const input = {
        brand: brandRef(args.brand),
        testType: args.test_type,
        description: args.description,
        ...(args.template_parameters === undefined ? {} : { parameters: args.template_parameters }),
        ...(args.template_id === undefined ? {} : { templateId: args.template_id }),
        ...(args.page_type === undefined ? {} : { pageType: args.page_type }),
      };
      let brand: BrandGenerationContext | undefined;
      const record = (r: { status: 'succeeded' | 'failed'; generationId?: string; confidence?: number; errorCode?: string }) =>
        inWorkspace(deps, p, (trx) =>
          insertOpalRequest(trx, {
            workspaceId: p.workspaceId,
            brandId: brand?.brandId ?? null,
            tokenId: p.credentialId,
            generationId: r.generationId ?? null,
            testType: args.test_type,
            status: r.status,
            confidence: r.confidence ?? null,
            durationMs: performance.now() - started,
            errorCode: r.errorCode ?? null,
          }),
        );
      try {
        const created = await service.create(p, input, 'opal', (b) => (brand = b));
        const g = created.generation;
        await record({ status: 'succeeded', generationId: g.id, confidence: g.confidence });
        return c.json(
          {
            code: g.code,
            findings: created.result.findings as z.infer<typeof FindingSchema>[],
            confidence: g.confidence,
            generationId: g.id,
            status: g.status,
            provider: g.provider,
            templateId: g.templateId,
            brand: created.brand,
            attempts: attemptSummary(g.attempts),
          },
          200,
        );
      } catch (err) {
        // Refusals by the generator are usage worth counting; access errors (404/403) are not recorded.
        if (err instanceof ProblemError && (err.code === 'GENERATION_FAILED' || err.code === 'UNAVAILABLE') && brand) {
          await record({ status: 'failed', errorCode: String(err.extensions.generationCode ?? err.code) });
        }
        throw err;
      }
    },
  );
  return app;
}
