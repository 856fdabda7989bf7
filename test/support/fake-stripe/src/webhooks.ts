/**
 * Test webhooks: Stripe-shaped events, signed with the SDK's own
 * `stripe.webhooks.generateTestHeaderString` (the helper stripe-node documents for testing
 * webhook handlers), and delivered to a URL the way Stripe does (POST, JSON, Stripe-Signature).
 */
import Stripe from 'stripe';
import type { StripeObject } from './objects.js';

/** A Stripe event envelope. */
export interface FakeEvent {
  readonly id: string;
  readonly object: 'event';
  readonly type: string;
  readonly created: number;
  readonly api_version: string;
  readonly livemode: false;
  readonly pending_webhooks: number;
  readonly request: { id: string | null; idempotency_key: string | null };
  readonly data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
}

let eventSeq = 0;

/** Builds an event around an object (a copy, so later changes to the object do not leak in). */
export function makeEvent(type: string, object: StripeObject, options: { id?: string; created?: number } = {}): FakeEvent {
  eventSeq += 1;
  return {
    id: options.id ?? `evt_fake${String(eventSeq).padStart(6, '0')}`,
    object: 'event',
    type,
    created: options.created ?? Math.floor(Date.now() / 1000),
    api_version: Stripe.API_VERSION,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: structuredClone(object) },
  };
}

/** Options of {@link signPayload}. */
export interface SignOptions {
  /** Unix seconds of the signature (default now): an old one tests replay protection. */
  readonly timestamp?: number;
}

/** The `Stripe-Signature` header for a raw payload, made by the SDK's test helper. */
export function signPayload(payload: string, secret: string, options: SignOptions = {}): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}) });
}

/** A signed delivery: the exact body bytes and the header that signs them. */
export function signedDelivery(event: FakeEvent, secret: string, options: SignOptions = {}): { body: string; signature: string } {
  const body = JSON.stringify(event, null, 2);
  return { body, signature: signPayload(body, secret, options) };
}

/** POSTs a signed event to a webhook URL as Stripe does; resolves to the response. */
export async function deliverWebhook(url: string, event: FakeEvent, secret: string, options: SignOptions = {}): Promise<Response> {
  const { body, signature } = signedDelivery(event, secret, options);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' }, body });
}
