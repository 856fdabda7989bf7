/**
 * Shared OpenAPI pieces for route modules: the problem schema, JSON body/response helpers and
 * the standard error responses, so each route declares what it answers in one line.
 */
import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details as documented in the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'tag:brandsafe.dev,2026:problem/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** The error responses every authenticated JSON route can give. */
export const ERRORS = {
  400: problem('Invalid request (malformed JSON, wrong types, missing or unknown fields)'),
  401: problem('Missing, unknown, expired or revoked bearer token'),
  403: problem('The role or token scope does not allow this'),
  404: problem('No such resource in this workspace'),
  413: problem('Request body too large'),
} as const;

export const CONFLICT = { 409: problem('Conflicts with the current state') } as const;
export const PAYMENT_REQUIRED = { 402: problem('Over the plan limit (quota, limit, usage and upgrade link), or the subscription does not allow this') } as const;
export const THROTTLED = { 429: problem('Too many attempts; see Retry-After') } as const;
export const UNPROCESSABLE = { 422: problem('The brand graph has problems (each with line and column, 1-based)') } as const;
export const UNSUPPORTED = { 415: problem('The body must be text/turtle') } as const;
export const UNAVAILABLE = { 503: problem('Temporarily unavailable') } as const;

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** A JSON response. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** Routes that need `Authorization: Bearer`. */
export const BEARER = [{ bearerAuth: [] }];

/** A UUID path parameter. */
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
