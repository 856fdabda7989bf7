/**
 * Typed errors of the generation package. Every failure a caller can act on carries a stable
 * `code` (SCREAMING_SNAKE, as in sigstore-js's error.ts) so the API can map it to an RFC 9457
 * problem type, and keeps its `cause`.
 */

export type GenerationErrorCode =
  /** `templateId` names no template of the brand. */
  | 'UNKNOWN_TEMPLATE'
  /** No template of the brand fits the request's test type (and page type). */
  | 'NO_TEMPLATE'
  /** A parameter value has the wrong type or shape, or the template does not declare it. */
  | 'INVALID_PARAMETER'
  /** A required parameter has no value and no default. */
  | 'MISSING_PARAMETER'
  /** A selector parameter names a selector the brand has not approved (for that page type). */
  | 'UNAPPROVED_SELECTOR'
  /** A template body cannot be rendered safely (placeholder in a regex, unknown name, bad JS). */
  | 'TEMPLATE_INVALID'
  /** A provider (Claude) failed: network, HTTP error, empty or truncated reply. */
  | 'PROVIDER_FAILED'
  /** The checker itself threw. */
  | 'CHECK_FAILED'
  /** The caller's AbortSignal fired. */
  | 'ABORTED';

/** Structured details that let a UI or API point at the exact problem. */
export interface GenerationErrorDetails {
  /** The template parameter concerned. */
  parameter?: string;
  /** The template concerned. */
  templateId?: string;
  /** Nearest valid values (approved selectors, template ids, test types), best first. */
  suggestions?: string[];
}

/** The one error type thrown by `generate` and the providers. */
export class GenerationError extends Error {
  override readonly name = 'GenerationError';
  readonly code: GenerationErrorCode;
  readonly details: GenerationErrorDetails;

  constructor(code: GenerationErrorCode, message: string, options: { cause?: unknown; details?: GenerationErrorDetails } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** True when `e` is a GenerationError (optionally with the given code). */
export function isGenerationError(e: unknown, code?: GenerationErrorCode): e is GenerationError {
  return e instanceof GenerationError && (code === undefined || e.code === code);
}
