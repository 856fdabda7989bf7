/**
 * Quota evaluation (issue 6 §1): over a plan limit the API answers 402 problem+json naming the
 * limit, the usage and the upgrade link. This module decides; it does not count. Counting under
 * concurrency is the database's job — see {@link QUOTA_CONSUME_SQL}.
 */
import { type Limits, type QuotaKind } from './catalog.js';
import { BillingError } from './errors.js';

/** Current usage per kind (generations this period, brands, members, tokens). Absent = 0. */
export type QuotaUsage = { readonly [K in QuotaKind]?: number };

/** Input of {@link checkQuota}. */
export interface QuotaCheck {
  readonly limits: Limits;
  readonly usage: QuotaUsage;
  readonly kind: QuotaKind;
  /** How many units the action adds (default 1). */
  readonly increment?: number;
  /** Where the user can raise the limit, e.g. `https://app.example/billing`. */
  readonly upgradeUrl?: string;
}

/** A passing quota check: how much is left after the action (`null` = unlimited). */
export interface QuotaOk {
  readonly ok: true;
  readonly kind: QuotaKind;
  readonly limit: number | null;
  readonly usage: number;
  readonly remaining: number | null;
}

/** A failing quota check. */
export interface QuotaRefused {
  readonly ok: false;
  readonly error: QuotaExceeded;
}

const NOUNS: Record<QuotaKind, string> = {
  generation: 'generations this billing period',
  brand: 'brands',
  member: 'members',
  api_token: 'API tokens',
};

/** The default upgrade path the portal serves (relative, so it works on any host). */
export const DEFAULT_UPGRADE_URL = '/portal/billing';

/**
 * A plan limit is reached. Carries what the 402 problem needs: the kind, the limit, the usage and
 * where to upgrade. `toProblemExtensions()` gives the RFC 9457 extension members.
 */
export class QuotaExceeded extends BillingError {
  override readonly name = 'QuotaExceeded';
  constructor(
    readonly kind: QuotaKind,
    readonly limit: number,
    readonly usage: number,
    readonly upgradeUrl: string,
  ) {
    super('QUOTA_EXCEEDED', `plan limit reached: ${usage} of ${limit} ${NOUNS[kind]}; upgrade at ${upgradeUrl}`);
  }

  /** Extension members for the 402 problem body (RFC 9457 §3.2). */
  toProblemExtensions(): { quota: QuotaKind; limit: number; usage: number; upgrade: string } {
    return { quota: this.kind, limit: this.limit, usage: this.usage, upgrade: this.upgradeUrl };
  }
}

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new BillingError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/**
 * Whether an action that adds `increment` units of `kind` fits the limits.
 * @example checkQuota({ limits: effectiveLimits('starter'), usage: { brand: 1 }, kind: 'brand' })
 *   // → { ok: false, error: QuotaExceeded { limit: 1, usage: 1 } }
 */
export function checkQuota(input: QuotaCheck): QuotaOk | QuotaRefused {
  const used = count('usage', input.usage[input.kind] ?? 0);
  const increment = count('increment', input.increment ?? 1);
  const limit = input.limits[input.kind];
  if (limit === null) return { ok: true, kind: input.kind, limit: null, usage: used, remaining: null };
  if (used + increment > limit) {
    return { ok: false, error: new QuotaExceeded(input.kind, limit, used, input.upgradeUrl ?? DEFAULT_UPGRADE_URL) };
  }
  return { ok: true, kind: input.kind, limit, usage: used, remaining: limit - used - increment };
}

/** {@link checkQuota} that throws the {@link QuotaExceeded} instead of returning it. */
export function assertQuota(input: QuotaCheck): QuotaOk {
  const result = checkQuota(input);
  if (!result.ok) throw result.error;
  return result;
}

/**
 * The one statement that consumes quota under concurrency. Checking with {@link checkQuota} and
 * then incrementing is a race (two requests both read 99 of 100); instead the server counts only
 * while under the limit, in one statement, and reads the verdict from the row count:
 *
 * - `$1` workspace id, `$2` quota kind, `$3` period start (the first instant of the billing
 *   period), `$4` the limit (NULL = unlimited), `$5` the increment.
 * - One row returned: consumed, `count` is the new usage. No row: the limit is reached; read the
 *   current usage (`QUOTA_CONSUME_SQL.usage`) for the 402 body.
 * - The first use of a period inserts the row; every later one takes the ON CONFLICT path, which
 *   locks the row and evaluates the DO UPDATE's WHERE on its newest version (PostgreSQL's
 *   INSERT … ON CONFLICT guarantees an atomic insert-or-update outcome). Concurrent requests
 *   therefore serialize on the row, each sees the others' increments, and N parallel requests
 *   against a limit M consume exactly min(N, M) — no over-count, no under-count.
 * - Run it in the same transaction as the generation insert, so a failed generation rolls the
 *   count back; the row lock is held to commit, so run it as late as possible.
 */
export const QUOTA_CONSUME_SQL = {
  consume: `INSERT INTO usage_counters AS u (workspace_id, kind, period_start, count)
SELECT $1::uuid, $2::text, $3::timestamptz, $5::integer WHERE $4::integer IS NULL OR $5::integer <= $4::integer
ON CONFLICT (workspace_id, kind, period_start) DO UPDATE SET count = u.count + EXCLUDED.count, updated_at = now()
WHERE $4::integer IS NULL OR u.count + EXCLUDED.count <= $4::integer
RETURNING count`,
  usage: `SELECT count FROM usage_counters WHERE workspace_id = $1::uuid AND kind = $2::text AND period_start = $3::timestamptz`,
  /** Gives back `$4` units counted by a request that then failed (never below zero). */
  refund: `UPDATE usage_counters SET count = GREATEST(0, count - $4::integer), updated_at = now()
WHERE workspace_id = $1::uuid AND kind = $2::text AND period_start = $3::timestamptz`,
} as const;
