/**
 * The plan catalog as data (issue 6 §1). Prices are integer cents (Stripe's smallest currency
 * unit); a limit of `null` means unlimited. Nothing here imports Stripe: the catalog is what the
 * pricing table, quota checks and the Stripe adapter all read, so it has one shape and one home.
 */
import { BillingError } from './errors.js';

/** Plans a workspace can be on. The free trial is not a plan: it is `starter` in `trialing`. */
export type PlanId = 'starter' | 'professional' | 'enterprise';

/** Every plan id, in pricing-table order. */
export const PLAN_IDS: readonly PlanId[] = ['starter', 'professional', 'enterprise'];

/** What a plan unlocks beyond its numeric limits. */
export type Feature = 'email_support' | 'analytics' | 'learning_loop' | 'api_access' | 'sso' | 'priority_support';

/** Countable things a plan limits; usage of each is compared with {@link Limits}. */
export type QuotaKind = 'generation' | 'brand' | 'member' | 'api_token';

/** Every quota kind. */
export const QUOTA_KINDS: readonly QuotaKind[] = ['generation', 'brand', 'member', 'api_token'];

/** A plan's numeric limits; `null` = unlimited. `generation` counts per billing period (month). */
export interface Limits {
  readonly generation: number | null;
  readonly brand: number | null;
  readonly member: number | null;
  readonly api_token: number | null;
  /** Sustained API requests per minute per workspace (token bucket refill rate). */
  readonly requestsPerMinute: number;
  /** Requests a workspace may send at once before the rate applies (token bucket capacity). */
  readonly burst: number;
}

/** One plan of the catalog. */
export interface Plan {
  readonly id: PlanId;
  readonly name: string;
  readonly tagline: string;
  /** Monthly price in cents (USD), or `null` for a custom (contact sales) price. */
  readonly monthlyPriceCents: number | null;
  readonly currency: 'usd';
  /** True when the plan can be bought through Checkout; false = contact sales. */
  readonly selfServe: boolean;
  /** The Stripe price `lookup_key` for self-serve plans, so price ids can be resolved by key. */
  readonly lookupKey: string | null;
  readonly features: readonly Feature[];
  readonly limits: Limits;
}

/**
 * The catalog. Brand and generation limits and prices are the issue's; member and token limits
 * and request rates are product defaults (the issue leaves them open) and, like every limit, can
 * be overridden per workspace with {@link effectiveLimits}.
 */
export const PLANS: Readonly<Record<PlanId, Plan>> = {
  starter: {
    id: 'starter',
    name: 'Starter',
    tagline: 'One brand, a hundred brand-safe variations a month.',
    monthlyPriceCents: 49_900,
    currency: 'usd',
    selfServe: true,
    lookupKey: 'brandsafe_starter_monthly',
    features: ['email_support'],
    limits: { generation: 100, brand: 1, member: 5, api_token: 5, requestsPerMinute: 60, burst: 20 },
  },
  professional: {
    id: 'professional',
    name: 'Professional',
    tagline: 'Five brands, unlimited generation, analytics and the learning loop.',
    monthlyPriceCents: 199_900,
    currency: 'usd',
    selfServe: true,
    lookupKey: 'brandsafe_professional_monthly',
    features: ['email_support', 'analytics', 'learning_loop', 'api_access'],
    limits: { generation: null, brand: 5, member: 25, api_token: 50, requestsPerMinute: 300, burst: 60 },
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    tagline: 'Unlimited brands, custom terms. Contact sales.',
    monthlyPriceCents: null,
    currency: 'usd',
    selfServe: false,
    lookupKey: null,
    features: ['email_support', 'analytics', 'learning_loop', 'api_access', 'priority_support', 'sso'],
    limits: { generation: null, brand: null, member: null, api_token: null, requestsPerMinute: 1200, burst: 200 },
  },
};

/** The free trial every new workspace starts with: 14 days on Starter's limits (issue 6 §1). */
export const TRIAL = { days: 14, plan: 'starter' as PlanId } as const;

/** Days a past-due subscription keeps generating before generation is paused. */
export const PAST_DUE_GRACE_DAYS = 7;

/** True when `value` names a plan of the catalog (for parsing untrusted input). */
export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}

/** The plan with this id; throws `UNKNOWN_PLAN` for anything else. */
export function getPlan(id: string): Plan {
  if (!isPlanId(id)) throw new BillingError('UNKNOWN_PLAN', `unknown plan "${id}"`);
  return PLANS[id];
}

/** Per-workspace limit overrides (a sales deal, a support grant); absent keys keep the plan's. */
export type LimitOverrides = { readonly [K in keyof Limits]?: Limits[K] };

/**
 * The limits that apply to a workspace: the plan's, with each overridden key replaced.
 * An override may loosen or tighten a limit; `null` in an override means unlimited.
 * @example effectiveLimits('starter', { brand: 3 }).brand === 3
 */
export function effectiveLimits(plan: PlanId | Plan, overrides: LimitOverrides = {}): Limits {
  const base = typeof plan === 'string' ? getPlan(plan).limits : plan.limits;
  const merged: Record<string, number | null> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in base) || value === undefined) continue;
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw new BillingError('INVALID_ARGUMENT', `limit override "${key}" must be a non-negative integer or null`);
    }
    if (value === null && (key === 'requestsPerMinute' || key === 'burst')) {
      throw new BillingError('INVALID_ARGUMENT', `limit override "${key}" cannot be unlimited`);
    }
    merged[key] = value;
  }
  return merged as unknown as Limits;
}

/** True when the plan includes a feature (analytics, API access…). */
export function hasFeature(plan: PlanId, feature: Feature): boolean {
  return getPlan(plan).features.includes(feature);
}

/** Formats a plan's price for the pricing table: "$499/month" or "Custom pricing". */
export function formatPrice(plan: Plan): string {
  if (plan.monthlyPriceCents === null) return 'Custom pricing';
  const dollars = plan.monthlyPriceCents / 100;
  return `$${dollars.toLocaleString('en-US', { maximumFractionDigits: 2 })}/month`;
}
