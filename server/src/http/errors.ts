/**
 * The app's one error mapper (`app.onError`) and not-found handler: every failure becomes an
 * RFC 9457 problem. Bad input never reaches here as a 500: malformed JSON and validation
 * failures are 400s, database refusals caused by input (bad uuid text, unique keys) are mapped
 * below; only a genuine bug is a 500, logged with its stack and the request id.
 */
import { sqlState, DbError } from '@brandsafe/db';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.js';
import { PROBLEMS, ProblemError, type ProblemCode } from './problem.js';

/** Sends a problem response. */
export function problemResponse(c: Context<AppEnv>, problem: ProblemError): Response {
  const body = problem.toBody(c.get('requestId'));
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
  });
}

const SQLSTATE_PROBLEMS: Record<string, ProblemCode> = {
  '22P02': 'VALIDATION_FAILED', // invalid_text_representation (e.g. a non-uuid id)
  '22001': 'VALIDATION_FAILED', // string_data_right_truncation
  '23505': 'CONFLICT', // unique_violation
  '23503': 'NOT_FOUND', // foreign_key_violation: a referenced row is not in this workspace
  '42501': 'FORBIDDEN', // insufficient_privilege / row-level security refusal
  '40001': 'CONFLICT', // serialization_failure: retry
};

/** The problem code for an HTTP status raised by Hono or a middleware (first match in PROBLEMS). */
function codeForStatus(status: number): ProblemCode | undefined {
  if (status === 400) return 'MALFORMED_REQUEST';
  return (Object.keys(PROBLEMS) as ProblemCode[]).find((code) => PROBLEMS[code].status === status);
}

function toProblem(err: unknown): ProblemError | undefined {
  if (err instanceof ProblemError) return err;
  if (err instanceof HTTPException) {
    // Hono's own refusals (malformed JSON, 413 from the body limit, 415 from the media-type
    // gate of @hono/zod-openapi, ...) keep their status; only 4xx are the client's doing.
    const code = err.status >= 400 && err.status < 500 ? (codeForStatus(err.status) ?? 'MALFORMED_REQUEST') : undefined;
    return code && new ProblemError(code, err.message || PROBLEMS[code].title, {}, {}, { cause: err });
  }
  if (err instanceof DbError && err.code === 'INVALID_WORKSPACE_ID') return new ProblemError('VALIDATION_FAILED', err.message);
  const state = sqlState(err);
  // Class 22 is "data exception": a value the client sent that PostgreSQL cannot store (a NUL
  // character in text, an out-of-range number, a malformed uuid).
  const code = state ? (SQLSTATE_PROBLEMS[state] ?? (state.startsWith('22') ? 'VALIDATION_FAILED' : undefined)) : undefined;
  if (code === 'VALIDATION_FAILED') return new ProblemError(code, 'a value in the request cannot be stored (for example a NUL character or an out-of-range number)', {}, {}, { cause: err });
  if (code) return new ProblemError(code, code === 'CONFLICT' ? 'a conflicting record exists' : undefined, {}, {}, { cause: err });
  return undefined;
}

/** `app.onError`: typed errors to problems, anything else to a logged 500. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const problem = toProblem(err);
  if (problem) {
    if (problem.status >= 500) c.get('log')?.error({ err }, problem.message);
    return problemResponse(c, problem);
  }
  c.get('log')?.error({ err }, 'unhandled error');
  return problemResponse(c, new ProblemError('INTERNAL', 'an unexpected error occurred; quote the request id when reporting it'));
};

/** `app.notFound`: unknown routes are 404 problems too. */
export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, new ProblemError('NOT_FOUND', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
