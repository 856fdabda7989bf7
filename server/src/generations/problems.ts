/**
 * GenerationError (from @brandsafe/generation) → RFC 9457 problem. Input the generator refuses
 * (an unapproved selector, a missing or invalid parameter, an unknown template, no template for
 * the test type) is 422 GENERATION_FAILED naming the field and listing suggestions; a provider
 * that produced no code at all is 503. A checker crash or an abort is not the caller's fault
 * and is left to the app's error handler.
 */
import type { GenerationError } from '@brandsafe/generation';
import { ProblemError } from '../http/problem.js';

/** The request field a generation error is about, as the client sent it. */
function fieldOf(err: GenerationError): string {
  if (err.details.parameter !== undefined) return `parameters.${err.details.parameter}`;
  if (err.code === 'UNKNOWN_TEMPLATE' || err.code === 'TEMPLATE_INVALID') return 'templateId';
  if (err.code === 'NO_TEMPLATE') return 'testType';
  return '(body)';
}

/** The problem for `err`, or undefined when the error is a server-side failure. */
export function generationProblem(err: GenerationError): ProblemError | undefined {
  if (err.code === 'CHECK_FAILED' || err.code === 'ABORTED') return undefined;
  const extensions = {
    generationCode: err.code,
    ...(err.details.parameter === undefined ? {} : { parameter: err.details.parameter }),
    ...(err.details.templateId === undefined ? {} : { templateId: err.details.templateId }),
    suggestions: err.details.suggestions ?? [],
    errors: [{ field: fieldOf(err), message: err.message }],
  };
  if (err.code === 'PROVIDER_FAILED') return new ProblemError('UNAVAILABLE', err.message, extensions, { 'retry-after': '30' }, { cause: err });
  return new ProblemError('GENERATION_FAILED', err.message, extensions, {}, { cause: err });
}
