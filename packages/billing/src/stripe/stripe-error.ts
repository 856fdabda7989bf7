/**
 * Stripe SDK errors mapped to {@link BillingError}s, keeping what an operator needs (HTTP status,
 * Stripe's error type and code, the request id to quote to Stripe support) and the SDK error as
 * `cause`. The API answers these as 502/503: the upstream failed, not the caller.
 */
import Stripe from 'stripe';
import { BillingError } from '../errors.js';

/** A failed Stripe call. */
export class StripeRequestError extends BillingError {
  override readonly name = 'StripeRequestError';
  constructor(
    code: 'STRIPE_REQUEST_FAILED' | 'STRIPE_UNAVAILABLE',
    message: string,
    /** HTTP status Stripe answered (undefined when it could not be reached). */
    readonly statusCode: number | undefined,
    /** Stripe's `error.type` (invalid_request_error, card_error, …). */
    readonly stripeType: string | undefined,
    /** Stripe's `error.code` (resource_missing, …). */
    readonly stripeCode: string | undefined,
    /** The `Request-Id` header, to quote to Stripe. */
    readonly requestId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Converts anything a Stripe call threw into a {@link BillingError}. */
export function toBillingError(operation: string, error: unknown): BillingError {
  if (error instanceof BillingError) return error;
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return new StripeRequestError('STRIPE_UNAVAILABLE', `${operation}: Stripe could not be reached (${error.message})`,
      undefined, error.type, undefined, undefined, { cause: error });
  }
  if (error instanceof Stripe.errors.StripeError) {
    return new StripeRequestError('STRIPE_REQUEST_FAILED', `${operation}: ${error.message}`,
      error.statusCode, error.type, error.code, error.requestId, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StripeRequestError('STRIPE_REQUEST_FAILED', `${operation}: ${message}`, undefined, undefined, undefined, undefined, { cause: error });
}

/** Runs one Stripe call, mapping its failure. */
export async function stripeCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toBillingError(operation, error);
  }
}
