/**
 * The billing services the routes use: the Stripe adapter when billing is configured, nothing
 * when it is not (issue 6 §2: without Stripe keys the product still runs, the portal shows
 * billing as not configured, and the trial limits still apply).
 */
import { StripeBilling, billingConfigFromEnv, type BillingConfig } from '@brandsafe/billing';
import type { Logger } from 'pino';

/** What billing routes and the generation hook need. */
export interface BillingServices {
  /** Null when STRIPE_SECRET_KEY is unset. */
  readonly config: BillingConfig | null;
  readonly stripe: StripeBilling | null;
  /** Where the portal's billing page is (upgrade links, Checkout return URLs). */
  readonly billingUrl: string;
  readonly now: () => Date;
}

/** Builds the services from a configuration (null = not configured). */
export function billingServices(config: BillingConfig | null, publicUrl: string, now: () => Date = () => new Date()): BillingServices {
  return {
    config,
    stripe: config ? new StripeBilling(config) : null,
    billingUrl: `${publicUrl.replace(/\/+$/, '')}/portal/billing`,
    now,
  };
}

/** Builds the services from the environment (throws INVALID_CONFIG on malformed values). */
export function billingServicesFromEnv(publicUrl: string, env: NodeJS.ProcessEnv = process.env): BillingServices {
  return billingServices(billingConfigFromEnv(env), publicUrl);
}

/**
 * Reports a stored generation to the Stripe meter, after its transaction committed. The
 * generation id is the meter event's identifier, so a retry never counts twice. Failures are
 * logged, not thrown: the generation already happened, and the meter identifier makes a later
 * re-report safe.
 */
export async function reportGenerationUsage(services: BillingServices, log: Logger, input: { stripeCustomerId: string | null; generationId: string }): Promise<void> {
  if (!services.stripe || !input.stripeCustomerId) return;
  try {
    await services.stripe.reportUsage({ customerId: input.stripeCustomerId, identifier: input.generationId });
  } catch (err) {
    log.warn({ err, generationId: input.generationId }, 'meter event not reported');
  }
}
