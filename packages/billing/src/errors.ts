/**
 * Typed errors of @brandsafe/billing (sigstore-js style: one error class, a stable
 * SCREAMING_SNAKE code, the original error kept as `cause`). The API maps codes to problem types:
 * `WEBHOOK_SIGNATURE_INVALID` → 400, `QUOTA_EXCEEDED` → 402, `RATE_LIMITED` → 429,
 * `NOT_CONFIGURED` → 503, `STRIPE_*` → 502 (the upstream failed, not the caller).
 */

/** Stable error codes. Add new ones at the end; never rename (they reach API clients). */
export type BillingErrorCode =
  /** STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET / a price id is missing: billing is not configured. */
  | 'NOT_CONFIGURED'
  /** A configuration value is present but malformed (a key without the sk_ prefix, a bad port…). */
  | 'INVALID_CONFIG'
  /** A plan id is unknown, or the plan cannot be bought self-serve (Enterprise: contact sales). */
  | 'UNKNOWN_PLAN'
  /** A plan limit is reached; see {@link QuotaExceeded} for the details. */
  | 'QUOTA_EXCEEDED'
  /** The per-workspace request rate is exceeded; carries the seconds to wait. */
  | 'RATE_LIMITED'
  /** The Stripe-Signature header is missing, malformed, from another secret, or too old. */
  | 'WEBHOOK_SIGNATURE_INVALID'
  /** A verified event's payload is not what its type promises (missing object fields). */
  | 'WEBHOOK_PAYLOAD_INVALID'
  /** Stripe answered with an error (card, invalid request, authentication, rate limit…). */
  | 'STRIPE_REQUEST_FAILED'
  /** Stripe could not be reached (connection refused, timeout). */
  | 'STRIPE_UNAVAILABLE'
  /** An argument is out of its domain (negative usage, empty workspace id…). */
  | 'INVALID_ARGUMENT';

/** The one error type thrown by @brandsafe/billing. */
export class BillingError extends Error {
  override readonly name: string = 'BillingError';
  readonly code: BillingErrorCode;

  constructor(code: BillingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is a {@link BillingError}, optionally with the given code. */
export function isBillingError(error: unknown, code?: BillingErrorCode): error is BillingError {
  return error instanceof BillingError && (code === undefined || error.code === code);
}
