/**
 * Opal sends tool arguments as `{"parameters": {...}, "auth"?: {...}}`; its SDK also accepts the
 * arguments as a bare body (FACTS.md "Optimizely Opal tools"). Each tool documents one object
 * with both forms' fields; this picks the form and validates the arguments with the tool's
 * schema, answering 400 problems that name the fields.
 */
import { z } from '@hono/zod-openapi';
import { ProblemError } from '../http/problem.js';
import { validationProblem } from '../http/validation.js';

/** The documented body of a tool: `parameters` (+ `auth`) as Opal sends, or the bare fields. */
export function toolBody<T extends z.ZodObject>(args: T, name: string) {
  return z
    .strictObject({
      parameters: args.optional().openapi({ description: 'The tool arguments, as Opal sends them' }),
      auth: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Opal auth context (unused: the bearer token authenticates)' }),
      ...args.partial().shape,
    })
    .openapi(name);
}

/** The tool arguments of a validated body, from whichever form was sent. */
export function toolArguments<T extends z.ZodObject>(args: T, body: Record<string, unknown>): z.infer<T> {
  const { parameters, auth: _auth, ...bare } = body;
  if (parameters !== undefined) {
    const extra = Object.keys(bare).filter((k) => bare[k] !== undefined);
    if (extra.length > 0) {
      const errors = extra.map((field) => ({ field, message: 'send the arguments either inside "parameters" or bare, not both' }));
      throw new ProblemError('VALIDATION_FAILED', 'invalid json: mixed argument forms', { errors, in: 'json' });
    }
    return parameters as z.infer<T>;
  }
  const parsed = args.safeParse(bare);
  if (!parsed.success) throw validationProblem(parsed.error, 'json');
  return parsed.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opal's callers name brands; an id works too. */
export function brandRef(brand: string): { id: string } | { name: string } {
  return UUID.test(brand) ? { id: brand } : { name: brand };
}
