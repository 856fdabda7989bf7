/**
 * Billing configuration from the environment (issue 6 §2). Without `STRIPE_SECRET_KEY` billing is
 * "not configured": the product still runs, trial limits apply, and the portal says so. A present
 * but malformed value is an error at start, with a clear message per problem.
 */
import { PLAN_IDS, type PlanId } from '../catalog.js';
import { BillingError } from '../errors.js';

/** Where the Stripe API is; only tests point it elsewhere (the SDK's host/port/protocol options). */
export interface StripeEndpoint {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

/** Everything the Stripe adapter needs. */
export interface BillingConfig {
  readonly secretKey: string;
  readonly webhookSecret: string | null;
  /** Stripe price id per self-serve plan (`STRIPE_PRICE_STARTER`, `STRIPE_PRICE_PROFESSIONAL`). */
  readonly prices: Readonly<Partial<Record<PlanId, string>>>;
  /** The Billing Meter's `event_name` generations are reported under. */
  readonly meterEventName: string;
  readonly endpoint: StripeEndpoint | null;
  /** Network retries the SDK makes (it adds an idempotency key to retried POSTs). */
  readonly maxNetworkRetries: number;
}

/** The meter event name used when `STRIPE_METER_EVENT_NAME` is not set. */
export const DEFAULT_METER_EVENT_NAME = 'brandsafe_generation';

type Env = Readonly<Record<string, string | undefined>>;

function parseEndpoint(url: string): StripeEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new BillingError('INVALID_CONFIG', `STRIPE_API_BASE is not a URL: ${url}`, { cause });
  }
  const protocol = parsed.protocol.replace(':', '');
  if (protocol !== 'http' && protocol !== 'https') {
    throw new BillingError('INVALID_CONFIG', `STRIPE_API_BASE must be http or https, got ${parsed.protocol}`);
  }
  const port = parsed.port ? Number(parsed.port) : protocol === 'https' ? 443 : 80;
  return { host: parsed.hostname, port, protocol };
}

/**
 * Reads the billing configuration. Returns `null` when `STRIPE_SECRET_KEY` is unset (billing not
 * configured); throws `INVALID_CONFIG` listing every malformed value otherwise.
 * Variables: STRIPE_SECRET_KEY (sk_… or rk_…), STRIPE_WEBHOOK_SECRET (whsec_…),
 * STRIPE_PRICE_STARTER / STRIPE_PRICE_PROFESSIONAL (price_…), STRIPE_METER_EVENT_NAME,
 * STRIPE_API_BASE (e.g. http://127.0.0.1:12111, tests only), STRIPE_MAX_NETWORK_RETRIES.
 */
export function billingConfigFromEnv(env: Env = process.env): BillingConfig | null {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return null;
  const problems: string[] = [];
  if (!/^(sk|rk)_(test|live)_\w+$/.test(secretKey)) problems.push('STRIPE_SECRET_KEY must look like sk_test_… or sk_live_…');
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim() || null;
  if (webhookSecret !== null && !webhookSecret.startsWith('whsec_')) problems.push('STRIPE_WEBHOOK_SECRET must start with whsec_');
  const prices: Partial<Record<PlanId, string>> = {};
  for (const plan of PLAN_IDS) {
    const value = env[`STRIPE_PRICE_${plan.toUpperCase()}`]?.trim();
    if (!value) continue;
    if (!value.startsWith('price_')) problems.push(`STRIPE_PRICE_${plan.toUpperCase()} must start with price_`);
    prices[plan] = value;
  }
  const retries = env.STRIPE_MAX_NETWORK_RETRIES === undefined ? 2 : Number(env.STRIPE_MAX_NETWORK_RETRIES);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) problems.push('STRIPE_MAX_NETWORK_RETRIES must be an integer 0..10');
  let endpoint: StripeEndpoint | null = null;
  if (env.STRIPE_API_BASE) {
    try {
      endpoint = parseEndpoint(env.STRIPE_API_BASE);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) {
    throw Object.assign(new BillingError('INVALID_CONFIG', `invalid billing configuration: ${problems.join('; ')}`), { problems });
  }
  return {
    secretKey,
    webhookSecret,
    prices,
    meterEventName: env.STRIPE_METER_EVENT_NAME?.trim() || DEFAULT_METER_EVENT_NAME,
    endpoint,
    maxNetworkRetries: retries,
  };
}

/**
 * Every problem of the billing variables, one line each (empty when they are fine or unset), for
 * a server's start-up validation that prints one line per problem.
 */
export function billingConfigProblems(env: Env = process.env): string[] {
  try {
    billingConfigFromEnv(env);
    return [];
  } catch (error) {
    const problems = (error as { problems?: unknown }).problems;
    return Array.isArray(problems) ? problems.map(String) : [(error as Error).message];
  }
}

/** The price id of a self-serve plan; `NOT_CONFIGURED` when its price is unset. */
export function priceFor(config: BillingConfig, plan: PlanId): string {
  const price = config.prices[plan];
  if (!price) throw new BillingError('NOT_CONFIGURED', `no Stripe price configured for plan "${plan}" (STRIPE_PRICE_${plan.toUpperCase()})`);
  return price;
}

/** The plan a Stripe price id belongs to, or null (a price this deployment does not sell). */
export function planForPrice(config: Pick<BillingConfig, 'prices'>, priceId: string): PlanId | null {
  for (const plan of PLAN_IDS) if (config.prices[plan] === priceId) return plan;
  return null;
}
