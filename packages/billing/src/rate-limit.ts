/**
 * Per-workspace rate limiting (issue 6 §1: over the rate → 429 with `Retry-After`). A token
 * bucket: `burst` tokens at most, refilled continuously at `requestsPerMinute / 60` per second,
 * one token per request. It is a pure function over a stored state so the state can live in
 * Postgres and be shared by every stateless API process; {@link RATE_LIMIT_SQL} is the same
 * function as one atomic statement.
 */
import type { Limits } from './catalog.js';
import { BillingError } from './errors.js';

/** Stored bucket state: tokens left (fractional) at `updatedAtMs` (epoch milliseconds). */
export interface BucketState {
  readonly tokens: number;
  readonly updatedAtMs: number;
}

/** The bucket's shape. */
export interface RatePolicy {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/** The outcome of {@link takeToken}: the state to store and what to answer. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Store this (also on refusal: the refill up to now is kept). */
  readonly state: BucketState;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until `cost` tokens are available (0 when allowed): the `Retry-After` value. */
  readonly retryAfterSeconds: number;
}

const TOKEN_EPSILON = 1e-9;

/** The bucket for a plan's limits. */
export function ratePolicy(limits: Pick<Limits, 'requestsPerMinute' | 'burst'>): RatePolicy {
  return { capacity: limits.burst, refillPerSecond: limits.requestsPerMinute / 60 };
}

/**
 * Takes `cost` tokens if there are enough. A missing state is a full bucket. A clock that went
 * backwards (another process's clock, stored state from the future) refills nothing rather than
 * a negative amount.
 * @example takeToken(null, { capacity: 2, refillPerSecond: 1 }, Date.now()).allowed === true
 */
export function takeToken(state: BucketState | null, policy: RatePolicy, nowMs: number, cost = 1): RateDecision {
  if (!(policy.capacity > 0) || !(policy.refillPerSecond > 0)) {
    throw new BillingError('INVALID_ARGUMENT', 'a rate policy needs a positive capacity and refill rate');
  }
  if (!(cost > 0) || cost > policy.capacity) {
    throw new BillingError('INVALID_ARGUMENT', `cost must be in (0, ${policy.capacity}], got ${cost}`);
  }
  const elapsedMs = state ? Math.max(0, nowMs - state.updatedAtMs) : 0;
  const before = state ? Math.min(policy.capacity, state.tokens + (elapsedMs / 1000) * policy.refillPerSecond) : policy.capacity;
  const updatedAtMs = state ? Math.max(nowMs, state.updatedAtMs) : nowMs;
  // Refill is accumulated in binary floating point (ten 0.1-token refills sum to 0.999…), so a
  // token counts as there within a billionth of it.
  if (before >= cost - TOKEN_EPSILON) {
    const tokens = Math.max(0, before - cost);
    return { allowed: true, state: { tokens, updatedAtMs }, remaining: Math.floor(tokens), retryAfterSeconds: 0 };
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((cost - before) / policy.refillPerSecond));
  return { allowed: false, state: { tokens: before, updatedAtMs }, remaining: 0, retryAfterSeconds };
}

/**
 * {@link takeToken} as one statement on a `rate_buckets (workspace_id PK, tokens double precision,
 * updated_at timestamptz)` row, on the database clock so every API process agrees:
 * `$1` workspace id, `$2` capacity, `$3` refill per second, `$4` cost. One row back = allowed
 * (`tokens` left); no row = refused: run `peek` for `Retry-After = ceil(($4 - tokens) / $3)`.
 * The first request inserts a full bucket minus its cost; later ones take the ON CONFLICT path,
 * which locks the row and re-evaluates the refill on its newest version, so the bucket never
 * goes below zero however many processes share it.
 */
/** The bucket's tokens refilled up to the database clock (`$2` capacity, `$3` refill per second). */
export const REFILL = `LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at)) * $3::float8)`;
export const RATE_LIMIT_SQL = {
  take: `INSERT INTO rate_buckets AS b (workspace_id, tokens, updated_at)
SELECT $1::uuid, $2::float8 - $4::float8, clock_timestamp() WHERE $4::float8 <= $2::float8
ON CONFLICT (workspace_id) DO UPDATE SET tokens = ${REFILL} - $4::float8, updated_at = GREATEST(b.updated_at, clock_timestamp())
WHERE ${REFILL} >= $4::float8
RETURNING tokens`,
  peek: `SELECT ${REFILL} AS tokens FROM rate_buckets b WHERE b.workspace_id = $1::uuid`,
} as const;
