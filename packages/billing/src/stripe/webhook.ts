/**
 * Webhook signature verification (issue 6 §2: the raw body's signature verified with
 * `stripe.webhooks.constructEvent`, 400 otherwise). Stripe signs `<timestamp>.<raw body>` with
 * HMAC-SHA256 under the endpoint secret and sends `Stripe-Signature: t=…,v1=…`; the SDK checks
 * the HMAC in constant time and refuses a timestamp older than the tolerance, which is what stops
 * a captured request from being replayed later. The body must be the exact bytes received: any
 * re-serialisation (a JSON body parser) breaks the signature.
 */
import Stripe from 'stripe';
import { BillingError } from '../errors.js';

/** Stripe's default (and recommended) tolerance: five minutes. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  readonly toleranceSeconds?: number;
  /** Clock for the timestamp check (epoch milliseconds, the SDK's `receivedAt`); tests only. */
  readonly nowMs?: number;
}

/**
 * Verifies and parses a webhook. Throws `WEBHOOK_SIGNATURE_INVALID` (→ 400) for a missing or
 * malformed header, a signature from another secret, a changed body or an expired timestamp;
 * `NOT_CONFIGURED` when no secret is set.
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string | null | undefined,
  options: VerifyWebhookOptions = {},
): Stripe.Event {
  if (!secret) throw new BillingError('NOT_CONFIGURED', 'STRIPE_WEBHOOK_SECRET is not set: webhooks cannot be verified');
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  // The SDK treats 0 as "skip the age check", which would re-open replays: refuse it here.
  if (!(tolerance > 0)) throw new BillingError('INVALID_ARGUMENT', 'webhook tolerance must be positive');
  if (!signatureHeader) throw new BillingError('WEBHOOK_SIGNATURE_INVALID', 'missing Stripe-Signature header');
  const payload = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  try {
    return Stripe.webhooks.constructEvent(
      payload,
      signatureHeader,
      secret,
      tolerance,
      undefined,
      options.nowMs,
    );
  } catch (cause) {
    if (cause instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new BillingError('WEBHOOK_SIGNATURE_INVALID', `webhook signature refused: ${cause.message.split('\n')[0]}`, { cause });
    }
    // The signature verified but the body is not JSON: signed by us, yet unreadable.
    throw new BillingError('WEBHOOK_PAYLOAD_INVALID', 'webhook body is not a JSON event', { cause });
  }
}
