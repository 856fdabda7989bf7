import type { ZodError } from 'zod';
import { ProblemError, type FieldError } from './problem.js';

/**
 * Turns a zod error into a 400 problem naming every invalid field. `target` is where the value
 * came from (json, query, param, header) and prefixes nothing: clients see the field path as in
 * the body they sent; unknown fields are reported one by one.
 */
export function validationProblem(error: ZodError, target: string): ProblemError {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: base ? `${base}.${key}` : key, message: 'unknown field' });
    } else {
      errors.push({ field: base || '(body)', message: issue.message });
    }
  }
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return new ProblemError('VALIDATION_FAILED', `invalid ${target}: ${fields}`, { errors, in: target });
}
