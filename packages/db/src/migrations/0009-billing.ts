/**
 * Migration 0009: billing (issue 6). Frozen: the plan rows below are the catalog as it was when
 * this migration was written; later catalog changes need a migration of their own.
 *
 * - `plans`: the catalog as data, global and read-only to the application (the pricing table
 *   and SQL reporting read it; `subscriptions.plan` references it).
 * - `subscriptions`: one row per workspace: plan, Stripe status and ids, trial and period dates,
 *   the dunning start (`past_due_since`) and the ordering keys webhooks compare
 *   (`subscription_created_at`, `state_event_at`). A trigger gives every new workspace its
 *   14-day Starter trial; existing workspaces are backfilled.
 * - `usage_counters`: per workspace, kind and period; consumed with one conditional UPDATE
 *   (`count + n <= limit`) so parallel requests never over- or under-count.
 * - `quota_overrides`: per-workspace limit overrides (readable by the workspace, written only
 *   through the privileged path: a tenant must not raise its own limits).
 * - `rate_buckets`: per-workspace token bucket state (tokens, updated_at).
 * - `stripe_events`: every webhook event id with its outcome; the primary key is what makes
 *   processing exactly-once. Not tenant data (an event is recorded before its tenant is known,
 *   and refused events have none): no policy, no grant, reached through definer functions only.
 * Tenant tables get the same row-level security as migration 0005.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

async function run(db: Db, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

const STATUSES = `'trialing','active','past_due','unpaid','paused','incomplete','incomplete_expired','canceled'`;
const DEFINER = `SECURITY DEFINER SET search_path FROM CURRENT`;

export async function up(db: Db): Promise<void> {
  await run(db, `SELECT set_config('search_path', format('%I, pg_temp', current_schema()), true)`);
  await run(
    db,
    `CREATE TABLE plans (
       id text PRIMARY KEY,
       name text NOT NULL,
       monthly_price_cents integer CHECK (monthly_price_cents >= 0),
       self_serve boolean NOT NULL,
       limits jsonb NOT NULL CHECK (jsonb_typeof(limits) = 'object'),
       features text[] NOT NULL DEFAULT '{}')`,
  );
  await run(
    db,
    `INSERT INTO plans (id, name, monthly_price_cents, self_serve, limits, features) VALUES
     ('starter', 'Starter', 49900, true,
      '{"generation":100,"brand":1,"member":5,"api_token":5,"requestsPerMinute":60,"burst":20}', '{email_support}'),
     ('professional', 'Professional', 199900, true,
      '{"generation":null,"brand":5,"member":25,"api_token":50,"requestsPerMinute":300,"burst":60}',
      '{email_support,analytics,learning_loop,api_access}'),
     ('enterprise', 'Enterprise', NULL, false,
      '{"generation":null,"brand":null,"member":null,"api_token":null,"requestsPerMinute":1200,"burst":200}',
      '{email_support,analytics,learning_loop,api_access,priority_support,sso}')`,
  );
  await run(
    db,
    `CREATE TABLE subscriptions (
       workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
       plan text NOT NULL REFERENCES plans(id),
       status text NOT NULL CHECK (status IN (${STATUSES})),
       stripe_customer_id text UNIQUE,
       stripe_subscription_id text,
       subscription_created_at timestamptz,
       trial_ends_at timestamptz,
       current_period_start timestamptz,
       current_period_end timestamptz,
       cancel_at_period_end boolean NOT NULL DEFAULT false,
       past_due_since timestamptz,
       state_event_at timestamptz,
       status_source text NOT NULL DEFAULT 'local' CHECK (status_source IN ('local','checkout','subscription','invoice')),
       updated_at timestamptz NOT NULL DEFAULT now())`,
  );
  await run(
    db,
    `CREATE TABLE usage_counters (
       workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
       kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
       period_start timestamptz NOT NULL,
       count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (workspace_id, kind, period_start))`,
  );
  await run(
    db,
    `CREATE TABLE quota_overrides (
       workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
       overrides jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(overrides) = 'object'),
       reason text,
       updated_at timestamptz NOT NULL DEFAULT now())`,
  );
  await run(
    db,
    `CREATE TABLE rate_buckets (
       workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
       tokens double precision NOT NULL,
       updated_at timestamptz NOT NULL)`,
  );
  await run(
    db,
    `CREATE TABLE stripe_events (
       id text PRIMARY KEY,
       type text NOT NULL,
       created_at timestamptz NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       outcome text NOT NULL DEFAULT 'processing' CHECK (outcome IN ('processing','applied','stale','ignored','refused')),
       workspace_id uuid,
       reason text)`,
  );
  await run(db, `CREATE INDEX stripe_events_workspace ON stripe_events (workspace_id, received_at)`);

  await run(db, `GRANT SELECT ON plans TO brandsafe_app`);
  for (const [table, grants] of [
    ['subscriptions', 'SELECT, INSERT, UPDATE'],
    ['usage_counters', 'SELECT, INSERT, UPDATE'],
    ['rate_buckets', 'SELECT, INSERT, UPDATE'],
    ['quota_overrides', 'SELECT'],
  ] as const) {
    await run(db, `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await run(db, `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await run(
      db,
      `CREATE POLICY ${table}_tenant ON ${table}
       USING (workspace_id = brandsafe_current_workspace())
       WITH CHECK (workspace_id = brandsafe_current_workspace())`,
    );
    await run(db, `GRANT ${grants} ON ${table} TO brandsafe_app`);
  }
  await run(db, `ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY`);
  await run(db, `ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY`);

  for (const statement of FUNCTIONS) await run(db, statement);
  for (const signature of SIGNATURES) {
    await run(db, `REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    await run(db, `GRANT EXECUTE ON FUNCTION ${signature} TO brandsafe_app`);
  }
  await run(
    db,
    `CREATE TRIGGER workspaces_billing_trial AFTER INSERT ON workspaces
     FOR EACH ROW EXECUTE FUNCTION brandsafe_billing_trial()`,
  );
  await run(
    db,
    `INSERT INTO subscriptions (workspace_id, plan, status, trial_ends_at, current_period_start, current_period_end)
     SELECT id, 'starter', 'trialing', created_at + interval '14 days', created_at, created_at + interval '14 days'
     FROM workspaces ON CONFLICT (workspace_id) DO NOTHING`,
  );
}

const SIGNATURES = [
  'brandsafe_claim_stripe_event(text, text, timestamptz)',
  'brandsafe_finish_stripe_event(text, text, uuid, text)',
  'brandsafe_billing_customer_workspace(text)',
  'brandsafe_billing_workspace_exists(uuid)',
];

const FUNCTIONS = [
  // Exactly-once: true for the first delivery of an event id. A concurrent second delivery
  // waits on the primary key until the first commits, then gets false (or true if it rolled back).
  `CREATE FUNCTION brandsafe_claim_stripe_event(p_id text, p_type text, p_created timestamptz)
   RETURNS boolean LANGUAGE sql VOLATILE ${DEFINER} AS $$
     WITH claimed AS (
       INSERT INTO stripe_events (id, type, created_at) VALUES (p_id, p_type, p_created)
       ON CONFLICT (id) DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM claimed)
   $$`,
  `CREATE FUNCTION brandsafe_finish_stripe_event(p_id text, p_outcome text, p_workspace uuid, p_reason text)
   RETURNS void LANGUAGE sql VOLATILE ${DEFINER} AS $$
     UPDATE stripe_events SET outcome = p_outcome, workspace_id = p_workspace, reason = p_reason
     WHERE id = p_id AND outcome = 'processing'
   $$`,
  // The one cross-tenant question webhooks need answered: whose Stripe customer is this?
  `CREATE FUNCTION brandsafe_billing_customer_workspace(p_customer text)
   RETURNS uuid LANGUAGE sql STABLE ${DEFINER} AS $$
     SELECT workspace_id FROM subscriptions WHERE stripe_customer_id = p_customer
   $$`,
  `CREATE FUNCTION brandsafe_billing_workspace_exists(p_workspace uuid)
   RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
     SELECT EXISTS (SELECT 1 FROM workspaces WHERE id = p_workspace)
   $$`,
  // Every new workspace starts on a 14-day Starter trial (issue 6 §1), whoever inserts it.
  `CREATE FUNCTION brandsafe_billing_trial() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
   BEGIN
     INSERT INTO subscriptions (workspace_id, plan, status, trial_ends_at, current_period_start, current_period_end)
     VALUES (NEW.id, 'starter', 'trialing', NEW.created_at + interval '14 days', NEW.created_at, NEW.created_at + interval '14 days')
     ON CONFLICT (workspace_id) DO NOTHING;
     RETURN NEW;
   END $$`,
];

export async function down(db: Db): Promise<void> {
  await run(db, `DROP TRIGGER workspaces_billing_trial ON workspaces`);
  await run(db, `DROP FUNCTION brandsafe_billing_trial()`);
  for (const signature of SIGNATURES) await run(db, `DROP FUNCTION ${signature}`);
  for (const table of ['stripe_events', 'rate_buckets', 'quota_overrides', 'usage_counters', 'subscriptions', 'plans']) {
    await run(db, `DROP TABLE ${table}`);
  }
}
