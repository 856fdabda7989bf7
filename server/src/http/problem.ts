/**
 * RFC 9457 problem details: every error the API answers is `application/problem+json` with a
 * stable `type`. Types are `tag:` URIs (RFC 9457 §3.1.1 suggests RFC 4151 tag URIs for types
 * that are identifiers, not documents), and each has a SCREAMING_SNAKE `code` twin for clients
 * that switch on codes.
 */

/** Every problem the API can answer, with its status and title. */
export const PROBLEMS = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_REQUEST: { status: 400, title: 'The request body cannot be read' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  // RFC 9110 §15.5.3 reserves 402; we use it for plan limits and subscriptions that do not allow the request (issue 6 §1).
  PAYMENT_REQUIRED: { status: 402, title: 'Payment required' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict with the current state' },
  GONE: { status: 410, title: 'No longer available' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  INVALID_BRAND_GRAPH: { status: 422, title: 'The brand graph is not valid' },
  GENERATION_FAILED: { status: 422, title: 'The code cannot be generated as asked' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/** The stable `type` URI of a problem code, e.g. `tag:brandsafe.dev,2026:problem/not-found`. */
export function problemType(code: ProblemCode): string {
  return `tag:brandsafe.dev,2026:problem/${code.toLowerCase().replaceAll('_', '-')}`;
}

/** One invalid field of a validation problem; `field` is a dotted path (`scopes.0`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The JSON body of a problem response (RFC 9457 members plus extensions). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ProblemCode;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

/**
 * An error that becomes a problem response in `app.onError`. Handlers throw it instead of
 * building responses, so every error path looks the same.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly code: ProblemCode,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(detail ?? PROBLEMS[code].title, options);
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }

  toBody(requestId?: string): ProblemBody {
    return {
      type: problemType(this.code),
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...this.extensions,
      ...(requestId ? { requestId } : {}),
    };
  }
}

export const notFound = (what: string) => new ProblemError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail: string) => new ProblemError('FORBIDDEN', detail);
export const conflict = (detail: string, extensions?: Record<string, unknown>) => new ProblemError('CONFLICT', detail, extensions);
