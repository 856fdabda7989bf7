/**
 * Quota and rate-limit enforcement for the API (issue 6 §1): what the generation path calls.
 *
 * - {@link withAdmittedGeneration}: before a generation, one short transaction (asynchronous
 *   commit) takes a request token and counts one unit of the period's quota in one statement
 *   (`ADMIT_GENERATION_SQL`): 429 with Retry-After when the bucket is empty, 402 when billing does
 *   not allow generation (trial over, paused, canceled) or the quota is used up. A generation that
 *   then fails gives its unit back. No over- or under-count under any concurrency; see
 *   @brandsafe/billing's admission.ts for why this is not done in the storing transaction.
 * - {@link takeRateToken}: a request token alone, for other rate-limited routes (a refused or
 *   failed request still spends its token).
 */
import {
  ADMIT_GENERATION_SQL, QUOTA_CONSUME_SQL, RATE_LIMIT_SQL, QuotaExceeded, billingState, effectiveLimits, ratePolicy, usagePeriod,
  type BillingState, type Limits, type QuotaKind, type RatePolicy, type UsagePeriod, type WorkspaceSubscription,
} from '@brandsafe/billing';
import { withWorkspace, withWorkspaceFinal, withWorkspaceStatements, type Database, type Tx } from '@brandsafe/db';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { BILLING_RECORD_SQL, billingRecordFrom, getBillingRecord, type BillingRecordRow } from './store.js';
import { BoundedMap } from '../bounded-map.js';
import { BillingProblem, quotaProblem, rateLimitedProblem } from './problems.js';

/** Everything billing knows about a workspace at one instant. */
export interface WorkspaceBilling {
  readonly subscription: WorkspaceSubscription | null;
  readonly limits: Limits;
  readonly state: BillingState;
  readonly period: UsagePeriod;
}

/** Loads the workspace's record, limits (plan + overrides), state and usage period. */
export async function loadWorkspaceBilling(trx: Tx, workspaceId: string, now: Date, billingUrl?: string): Promise<WorkspaceBilling> {
  return workspaceBilling(await getBillingRecord(trx, workspaceId), now, billingUrl);
}

/** Limits, state and usage period of a billing record at `now`. */
function workspaceBilling({ subscription, overrides }: Awaited<ReturnType<typeof getBillingRecord>>, now: Date, billingUrl?: string): WorkspaceBilling {
  const state = billingState(subscription, now, billingUrl ? { billingUrl } : {});
  return { subscription, limits: effectiveLimits(subscription?.plan ?? 'starter', overrides), state, period: usagePeriod(subscription, now) };
}

/** Runs one of @brandsafe/billing's documented statements with positional parameters. */
async function exec<R>(trx: Tx, text: string, params: readonly unknown[]): Promise<R[]> {
  return (await trx.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
}

/** The counter's value for a period (0 when nothing was counted yet). */
export async function periodUsage(trx: Tx, workspaceId: string, kind: QuotaKind, periodStart: Date): Promise<number> {
  const rows = await exec<{ count: number }>(trx, QUOTA_CONSUME_SQL.usage, [workspaceId, kind, periodStart]);
  return Number(rows[0]?.count ?? 0);
}

/** What an admitted generation tells the caller (for the Stripe meter event after commit). */
export interface AdmittedGeneration {
  readonly used: number;
  readonly limit: number | null;
  readonly stripeCustomerId: string | null;
  /** The usage period the unit was counted in (what a refund gives it back to). */
  readonly periodStart: Date;
  /** Whole request tokens left in the workspace's bucket. */
  readonly remaining: number;
}

/**
 * Billing records by workspace, kept by one process between generations so that admission is
 * one round trip: the admission statement re-checks the record's fingerprint and counts nothing
 * when it changed (a plan change, an override, a webhook, in this process or another), and the
 * caller then reads the record again — so a kept record is never acted on once stale. Bounded
 * (least recently used out).
 */
export class BillingRecordCache {
  private readonly entries: BoundedMap<string, BillingRecordRow>;

  constructor(capacity = 10_000) {
    this.entries = new BoundedMap(capacity);
  }

  get(workspaceId: string): BillingRecordRow | undefined {
    return this.entries.touch(workspaceId);
  }

  set(workspaceId: string, row: BillingRecordRow): void {
    this.entries.set(workspaceId, row);
  }

  delete(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }
}

/** Options of {@link admitGeneration}. */
export interface AdmissionOptions {
  now?: Date;
  billingUrl?: string;
  /** Keep billing records between calls: admission in one round trip while a record holds. */
  records?: BillingRecordCache;
}

type AdmissionRow = { tokens: number | null; count: number | null; fresh: boolean | null };

/**
 * Admits one generation (ADMIT_GENERATION_SQL): spends a request token and counts one unit of
 * the period's quota, in one short transaction with asynchronous commit, before any work.
 * Throws the 429 problem (bucket empty, nothing counted), or the 402 problem (billing does not
 * allow generating, or the quota is used up — the token is still spent). Pair it with
 * {@link refundGeneration} when the generation is then not stored: {@link withAdmittedGeneration}.
 */
export async function admitGeneration(db: Kysely<Database>, workspaceId: string, options: AdmissionOptions = {}): Promise<AdmittedGeneration> {
  const now = options.now ?? new Date();
  const kept = options.records?.get(workspaceId);
  if (kept) {
    // One round trip: BEGIN, the admission against the kept record's figures (guarded by its
    // fingerprint), COMMIT. A refusal by billing state is decided on a fresh read below.
    const billing = workspaceBilling(billingRecordFrom(kept), now, options.billingUrl);
    if (billing.state.generationAllowed) {
      const [row] = await withWorkspaceStatements<AdmissionRow>(db, workspaceId, [admission(workspaceId, billing, kept.fingerprint)], { asynchronousCommit: true });
      if (row?.fresh) return admitted(db, workspaceId, billing, row, options);
    }
    options.records?.delete(workspaceId);
  }
  // The record is read with BEGIN and the locking statement rides with COMMIT
  // (withWorkspaceFinal): two round trips, and the bucket and counter rows are locked only while
  // the database runs the statement, never while this process's event loop is busy elsewhere.
  const { value: billing, rows } = await withWorkspaceFinal<WorkspaceBilling, AdmissionRow, BillingRecordRow>(db, workspaceId, async (_trx, [record]) => {
    if (record) options.records?.set(workspaceId, record);
    const billing = workspaceBilling(billingRecordFrom(record), now, options.billingUrl);
    if (!billing.state.generationAllowed) return { value: billing };
    return { value: billing, final: admission(workspaceId, billing, null) };
  }, { asynchronousCommit: true, first: { sql: BILLING_RECORD_SQL, parameters: [workspaceId] } });
  if (!billing.state.generationAllowed) {
    throw new BillingProblem('BILLING_INACTIVE', billing.state.banner?.message ?? 'generation is not allowed on this workspace',
      { phase: billing.state.phase, upgrade: billing.state.banner?.action?.href ?? options.billingUrl ?? null });
  }
  return admitted(db, workspaceId, billing, rows[0], options);
}

/** The admission statement for a workspace's figures; `fingerprint` null: read in the same transaction. */
function admission(workspaceId: string, billing: WorkspaceBilling, fingerprint: string | null) {
  const policy = ratePolicy(billing.limits);
  return { sql: ADMIT_GENERATION_SQL, parameters: [workspaceId, policy.capacity, policy.refillPerSecond, billing.period.start, billing.limits.generation, fingerprint] };
}

/** The admission's answer: admitted, or the 429 / 402 problem thrown. */
async function admitted(db: Kysely<Database>, workspaceId: string, billing: WorkspaceBilling, row: AdmissionRow | undefined, options: AdmissionOptions): Promise<AdmittedGeneration> {
  const policy = ratePolicy(billing.limits);
  const limit = billing.limits.generation;
  const start = billing.period.start;
  // The refusals read the figures for their answer afterwards, in a read of their own (rare path).
  if (row?.tokens == null) {
    throw await withWorkspace(db, workspaceId, (trx) => emptyBucketProblem(trx, workspaceId, policy));
  }
  if (row.count == null) {
    // The token stays spent (it committed): a client polling past its quota is still rate limited.
    const usage = await withWorkspace(db, workspaceId, (trx) => periodUsage(trx, workspaceId, 'generation', start));
    throw quotaProblem(new QuotaExceeded('generation', limit ?? 0, usage, options.billingUrl ?? '/portal/billing'));
  }
  return { used: Number(row.count), limit, stripeCustomerId: billing.subscription?.stripeCustomerId ?? null, periodStart: start, remaining: Math.floor(Number(row.tokens)) };
}

/** Gives back the unit an admitted generation counted, when it was not stored after all. */
export async function refundGeneration(db: Kysely<Database>, workspaceId: string, admitted: Pick<AdmittedGeneration, 'periodStart'>): Promise<void> {
  await withWorkspace(db, workspaceId, (trx) => exec(trx, QUOTA_CONSUME_SQL.refund, [workspaceId, 'generation', admitted.periodStart, 1]), { asynchronousCommit: true });
}

/**
 * Admits a generation, runs `store` (which generates and commits it), and refunds the unit when
 * `store` throws: a stored generation is counted once, a refused or failed one is not. A refund
 * that itself fails (the database went away) is reported through `onRefundError` and the
 * original error is thrown.
 */
export async function withAdmittedGeneration<T>(
  db: Kysely<Database>,
  workspaceId: string,
  options: AdmissionOptions & { onRefundError?: (err: unknown) => void },
  store: (admitted: AdmittedGeneration) => Promise<T>,
): Promise<{ admitted: AdmittedGeneration; value: T }> {
  const admitted = await admitGeneration(db, workspaceId, options);
  try {
    return { admitted, value: await store(admitted) };
  } catch (err) {
    await refundGeneration(db, workspaceId, admitted).catch((refundErr: unknown) => options.onRefundError?.(refundErr));
    throw err;
  }
}

/**
 * Checks a count quota (brands, members, API tokens) before creating one more, inside the
 * creating transaction. The workspace's `subscriptions` row is locked first (FOR UPDATE), so two
 * concurrent creations serialize and the second counts the first: no way past the limit.
 * Throws the 402 problem when the workspace is at its limit.
 */
export async function assertCountQuota(trx: Tx, workspaceId: string, kind: Exclude<QuotaKind, 'generation'>, options: { now?: Date; billingUrl?: string } = {}): Promise<{ used: number; limit: number | null }> {
  await sql`SELECT 1 FROM subscriptions WHERE workspace_id = ${workspaceId} FOR UPDATE`.execute(trx);
  const billing = await loadWorkspaceBilling(trx, workspaceId, options.now ?? new Date(), options.billingUrl);
  const limit = billing.limits[kind];
  const counted = kind === 'brand' ? sql<{ n: number }>`SELECT count(*)::int AS n FROM brands WHERE workspace_id = ${workspaceId}`
    : kind === 'member' ? sql<{ n: number }>`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = ${workspaceId}`
      : sql<{ n: number }>`SELECT count(*)::int AS n FROM api_tokens WHERE workspace_id = ${workspaceId} AND revoked_at IS NULL`;
  const used = Number((await counted.execute(trx)).rows[0]?.n ?? 0);
  if (limit !== null && used + 1 > limit) throw quotaProblem(new QuotaExceeded(kind, limit, used, options.billingUrl ?? '/portal/billing'));
  return { used, limit };
}

/**
 * Takes one request token from the workspace's bucket in its own transaction (RATE_LIMIT_SQL);
 * throws the 429 problem with Retry-After when it is empty.
 */
export async function takeRateToken(db: Kysely<Database>, workspaceId: string, limits?: Pick<Limits, 'requestsPerMinute' | 'burst'>): Promise<{ remaining: number }> {
  return withWorkspace(db, workspaceId, async (trx) => {
    // A bucket lost in a crash only forgives a few requests: no need to wait for the WAL flush.
    await sql`SET LOCAL synchronous_commit TO OFF`.execute(trx);
    const policy = ratePolicy(limits ?? (await loadWorkspaceBilling(trx, workspaceId, new Date())).limits);
    const params = [workspaceId, policy.capacity, policy.refillPerSecond, 1];
    const taken = await exec<{ tokens: number }>(trx, RATE_LIMIT_SQL.take, params);
    if (taken[0]) return { remaining: Math.floor(Number(taken[0].tokens)) };
    throw await emptyBucketProblem(trx, workspaceId, policy);
  });
}

/** The 429 problem for an empty bucket, with Retry-After from the bucket's current refill. */
async function emptyBucketProblem(trx: Tx, workspaceId: string, policy: RatePolicy) {
  const peek = await exec<{ tokens: number }>(trx, RATE_LIMIT_SQL.peek, [workspaceId, policy.capacity, policy.refillPerSecond]);
  const tokens = Number(peek[0]?.tokens ?? 0);
  return rateLimitedProblem(Math.max(1, Math.ceil((1 - tokens) / policy.refillPerSecond)));
}
