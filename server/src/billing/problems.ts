/**
 * Billing problems: ProblemError subclasses with their own stable `type` and code (a client
 * tells "plan limit reached" from "subscription paused" by code), each based on a generic code
 * of the API's PROBLEMS table with the same status (the 402s on PAYMENT_REQUIRED), so
 * `app.onError` renders them like any other problem.
 */
import type { QuotaExceeded } from '@brandsafe/billing';
import { ProblemError, type ProblemBody } from '../http/problem.js';

/** Codes of the billing problems. */
export type BillingProblemCode =
  | 'QUOTA_EXCEEDED' | 'BILLING_INACTIVE' | 'WEBHOOK_SIGNATURE_INVALID' | 'BILLING_NOT_CONFIGURED' | 'STRIPE_UNAVAILABLE' | 'STRIPE_REQUEST_FAILED';

const SHAPES: Record<BillingProblemCode, { status: number; title: string; base: ConstructorParameters<typeof ProblemError>[0] }> = {
  QUOTA_EXCEEDED: { status: 402, title: 'Plan limit reached', base: 'PAYMENT_REQUIRED' },
  BILLING_INACTIVE: { status: 402, title: 'The subscription does not allow this', base: 'PAYMENT_REQUIRED' },
  WEBHOOK_SIGNATURE_INVALID: { status: 400, title: 'The webhook signature does not verify', base: 'MALFORMED_REQUEST' },
  BILLING_NOT_CONFIGURED: { status: 503, title: 'Billing is not configured', base: 'UNAVAILABLE' },
  STRIPE_UNAVAILABLE: { status: 503, title: 'Stripe did not answer', base: 'UNAVAILABLE' },
  STRIPE_REQUEST_FAILED: { status: 502, title: 'Stripe refused the request', base: 'UNAVAILABLE' },
};

/** A billing problem with its own status and `tag:` type. */
export class BillingProblem extends ProblemError {
  constructor(
    readonly billingCode: BillingProblemCode,
    detail: string,
    extensions: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(SHAPES[billingCode].base, detail, extensions, headers, options);
  }

  override get status(): number {
    return SHAPES[this.billingCode].status;
  }

  override toBody(requestId?: string): ProblemBody {
    return {
      ...super.toBody(requestId),
      type: `tag:brandsafe.dev,2026:problem/${this.billingCode.toLowerCase().replaceAll('_', '-')}`,
      title: SHAPES[this.billingCode].title,
      status: this.status,
      code: this.billingCode as ProblemBody['code'],
    };
  }
}

/** The 402 for a {@link QuotaExceeded} from @brandsafe/billing: limit, usage and upgrade link. */
export function quotaProblem(error: QuotaExceeded): BillingProblem {
  return new BillingProblem('QUOTA_EXCEEDED', error.message, error.toProblemExtensions());
}

/** The 429 for a workspace over its request rate, with `Retry-After` (RFC 9110 §10.2.3). */
export function rateLimitedProblem(retryAfterSeconds: number): ProblemError {
  return new ProblemError('TOO_MANY_REQUESTS', `this workspace is over its request rate; retry in ${retryAfterSeconds} s`,
    { retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
}
