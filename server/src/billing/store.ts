/**
 * Postgres storage for billing (tables of migration 0009), written with raw SQL through kysely's
 * `sql` tag so the billing tables need no entry in @brandsafe/db's schema types.
 *
 * `pgBillingRepository` implements @brandsafe/billing's webhook repository: one transaction per
 * event as the application role with no workspace set. The cross-tenant questions (claim the
 * event id, whose customer is this) go through SECURITY DEFINER functions; tenant rows are
 * touched only after the store binds the transaction to the event's workspace, once — a second,
 * different workspace in the same event throws, so one event can never write two tenants.
 */
import { BILLING_FINGERPRINT, type BillingRepository, type BillingStore, type WorkspaceSubscription, type LimitOverrides, type StatusSource, type SubscriptionStatus, type PlanId } from '@brandsafe/billing';
import { appendAuditEvent, isUuid, withoutWorkspace, type Database, type Tx } from '@brandsafe/db';
import { CompiledQuery, sql, type Kysely } from 'kysely';

/** The actor recorded on audit events that Stripe's webhooks cause. */
export const STRIPE_ACTOR = 'system:stripe-webhook';

interface SubscriptionRow {
  workspace_id: string;
  plan: string;
  status: string;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  subscription_created_at: Date | null;
  trial_ends_at: Date | null;
  current_period_start: Date | null;
  current_period_end: Date | null;
  cancel_at_period_end: boolean;
  past_due_since: Date | null;
  state_event_at: Date | null;
  status_source: string;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

/** Maps a `subscriptions` row to the domain record. */
export function toWorkspaceSubscription(row: SubscriptionRow): WorkspaceSubscription {
  return {
    workspaceId: row.workspace_id,
    plan: row.plan as PlanId,
    status: row.status as SubscriptionStatus,
    stripeCustomerId: row.stripe_customer_id,
    stripeSubscriptionId: row.stripe_subscription_id,
    subscriptionCreatedAt: date(row.subscription_created_at),
    trialEndsAt: date(row.trial_ends_at),
    currentPeriodStart: date(row.current_period_start),
    currentPeriodEnd: date(row.current_period_end),
    cancelAtPeriodEnd: row.cancel_at_period_end,
    pastDueSince: date(row.past_due_since),
    stateEventAt: date(row.state_event_at),
    statusSource: row.status_source as StatusSource,
  };
}

/**
 * The workspace's billing record (visible only inside its own scope). `forUpdate` locks the row
 * to the end of the transaction: a read that decides a write must, or two concurrent webhook
 * events could both decide against the same old state and the older one overwrite the newer.
 */
export async function getSubscription(trx: Tx, workspaceId: string, options: { forUpdate?: boolean } = {}): Promise<WorkspaceSubscription | null> {
  const query = options.forUpdate
    ? sql<SubscriptionRow>`SELECT * FROM subscriptions WHERE workspace_id = ${workspaceId} FOR UPDATE`
    : sql<SubscriptionRow>`SELECT * FROM subscriptions WHERE workspace_id = ${workspaceId}`;
  const { rows } = await query.execute(trx);
  return rows[0] ? toWorkspaceSubscription(rows[0]) : null;
}

/** Inserts or replaces the workspace's billing record. */
export async function putSubscription(trx: Tx, s: WorkspaceSubscription): Promise<void> {
  await sql`INSERT INTO subscriptions (workspace_id, plan, status, stripe_customer_id, stripe_subscription_id, subscription_created_at,
      trial_ends_at, current_period_start, current_period_end, cancel_at_period_end, past_due_since, state_event_at, status_source, updated_at)
    VALUES (${s.workspaceId}, ${s.plan}, ${s.status}, ${s.stripeCustomerId}, ${s.stripeSubscriptionId}, ${s.subscriptionCreatedAt},
      ${s.trialEndsAt}, ${s.currentPeriodStart}, ${s.currentPeriodEnd}, ${s.cancelAtPeriodEnd}, ${s.pastDueSince}, ${s.stateEventAt}, ${s.statusSource}, now())
    ON CONFLICT (workspace_id) DO UPDATE SET plan = EXCLUDED.plan, status = EXCLUDED.status,
      stripe_customer_id = EXCLUDED.stripe_customer_id, stripe_subscription_id = EXCLUDED.stripe_subscription_id,
      subscription_created_at = EXCLUDED.subscription_created_at, trial_ends_at = EXCLUDED.trial_ends_at,
      current_period_start = EXCLUDED.current_period_start, current_period_end = EXCLUDED.current_period_end,
      cancel_at_period_end = EXCLUDED.cancel_at_period_end, past_due_since = EXCLUDED.past_due_since,
      state_event_at = EXCLUDED.state_event_at, status_source = EXCLUDED.status_source, updated_at = now()`.execute(trx);
}

/** The workspace's limit overrides (written by operators through the privileged path). */
export async function getQuotaOverrides(trx: Tx, workspaceId: string): Promise<LimitOverrides> {
  const { rows } = await sql<{ overrides: LimitOverrides }>`SELECT overrides FROM quota_overrides WHERE workspace_id = ${workspaceId}`.execute(trx);
  return rows[0]?.overrides ?? {};
}

/**
 * The record and the overrides in one statement (`$1` workspace id; the generation hot path
 * reads both, sent together with its transaction's BEGIN), with the record's fingerprint (what
 * generation admission compares with, see BILLING_FINGERPRINT). Map the row with
 * {@link billingRecordFrom}.
 */
export const BILLING_RECORD_SQL = `SELECT s.*, o.overrides, ${BILLING_FINGERPRINT} AS fingerprint
    FROM (SELECT $1::uuid AS id) w
    LEFT JOIN subscriptions s ON s.workspace_id = w.id
    LEFT JOIN quota_overrides o ON o.workspace_id = w.id`;

export type BillingRecordRow = Partial<SubscriptionRow> & { overrides: LimitOverrides | null; fingerprint: string };

/** The workspace's billing record from a {@link BILLING_RECORD_SQL} row (none: no record yet). */
export function billingRecordFrom(row: BillingRecordRow | undefined): { subscription: WorkspaceSubscription | null; overrides: LimitOverrides } {
  return {
    subscription: row?.workspace_id ? toWorkspaceSubscription(row as SubscriptionRow) : null,
    overrides: row?.overrides ?? {},
  };
}

/** The record and the overrides in one round trip. */
export async function getBillingRecord(trx: Tx, workspaceId: string): Promise<{ subscription: WorkspaceSubscription | null; overrides: LimitOverrides }> {
  const { rows } = await trx.executeQuery<BillingRecordRow>(CompiledQuery.raw(BILLING_RECORD_SQL, [workspaceId]));
  return billingRecordFrom(rows[0]);
}

/** Binds a webhook transaction to one workspace; refuses to rebind to another. */
function binder(trx: Tx) {
  let bound: string | null = null;
  return async (workspaceId: string): Promise<void> => {
    if (bound === workspaceId) return;
    if (bound !== null) throw new Error(`billing store: one event may not touch two workspaces (${bound}, ${workspaceId})`);
    if (!isUuid(workspaceId)) throw new Error(`billing store: not a workspace id: ${JSON.stringify(workspaceId)}`);
    await sql`SELECT set_config('app.workspace_id', ${workspaceId}, true)`.execute(trx);
    bound = workspaceId;
  };
}

/** The webhook store inside one transaction (exported for tests that interleave transactions). */
export function pgBillingStore(trx: Tx): BillingStore {
  const bind = binder(trx);
  return {
    async claimEvent({ id, type, createdAt }) {
      const { rows } = await sql<{ claimed: boolean }>`SELECT brandsafe_claim_stripe_event(${id}, ${type}, ${createdAt}) AS claimed`.execute(trx);
      return rows[0]?.claimed === true;
    },
    async finishEvent(r) {
      await sql`SELECT brandsafe_finish_stripe_event(${r.id}, ${r.outcome}, ${r.workspaceId}::uuid, ${r.reason})`.execute(trx);
    },
    async workspaceForCustomer(customerId) {
      const { rows } = await sql<{ ws: string | null }>`SELECT brandsafe_billing_customer_workspace(${customerId}) AS ws`.execute(trx);
      return rows[0]?.ws ?? null;
    },
    async workspaceExists(workspaceId) {
      if (!isUuid(workspaceId)) return false;
      const { rows } = await sql<{ ok: boolean }>`SELECT brandsafe_billing_workspace_exists(${workspaceId}::uuid) AS ok`.execute(trx);
      return rows[0]?.ok === true;
    },
    async getSubscription(workspaceId) {
      await bind(workspaceId);
      // Locked: the reducer decides from this read whether to write (see getSubscription).
      return getSubscription(trx, workspaceId, { forUpdate: true });
    },
    async putSubscription(subscription) {
      await bind(subscription.workspaceId);
      await putSubscription(trx, subscription);
    },
    async appendAudit(entry) {
      await bind(entry.workspaceId);
      await appendAuditEvent(trx, { workspaceId: entry.workspaceId, type: entry.action, actor: STRIPE_ACTOR, payload: { ...entry.data } });
    },
  };
}

/** The webhook repository on Postgres (see the module comment). */
export function pgBillingRepository(db: Kysely<Database>): BillingRepository {
  return { transaction: (work) => withoutWorkspace(db, (trx) => work(pgBillingStore(trx))) };
}

/**
 * Sets a workspace's limit overrides (a sales deal, a support grant, the demo workspace). Runs on
 * the privileged connection: tenants can read their overrides but never write them.
 * @example await grantQuotaOverrides(db, demoWorkspaceId, { generation: null, requestsPerMinute: 6000, burst: 1000 }, 'demo')
 */
export async function grantQuotaOverrides(db: Kysely<Database>, workspaceId: string, overrides: LimitOverrides, reason: string): Promise<void> {
  if (!isUuid(workspaceId)) throw new Error(`not a workspace id: ${JSON.stringify(workspaceId)}`);
  await sql`INSERT INTO quota_overrides (workspace_id, overrides, reason) VALUES (${workspaceId}, ${JSON.stringify(overrides)}::jsonb, ${reason})
    ON CONFLICT (workspace_id) DO UPDATE SET overrides = EXCLUDED.overrides, reason = EXCLUDED.reason, updated_at = now()`.execute(db);
}
