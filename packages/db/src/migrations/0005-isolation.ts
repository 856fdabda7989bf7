/**
 * Migration 0005: tenant isolation in the database itself (issue 4 §3). Frozen.
 *
 * - `brandsafe_app` is a NOLOGIN role that owns nothing. The application switches to it for
 *   every transaction (`set_config('role', 'brandsafe_app', true)`, see src/scope.ts), so
 *   row-level security applies even when the connection's own user is a superuser.
 * - Every tenant table has ENABLE + FORCE ROW LEVEL SECURITY and a policy comparing its
 *   `workspace_id` with the transaction setting `app.workspace_id`; with the setting absent the
 *   policy compares with NULL and no row is visible or writable.
 * - What must happen before a workspace is known (sign-in by email, bearer-secret lookup,
 *   invitation lookup, login throttling) goes through the SECURITY DEFINER functions below, each
 *   answering one narrow question. They run as the migrating role, which must own the tables and
 *   be a superuser or hold BYPASSRLS (true for PGlite's and a stock server's `postgres`).
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

/** Tables whose rows belong to one workspace, keyed by `workspace_id`. */
const TENANT_TABLES = [
  'memberships',
  'invitations',
  'api_tokens',
  'sessions',
  'brands',
  'brand_roles',
  'brand_versions',
  'generations',
  'generation_transitions',
  'code_corrections',
  'opal_requests',
  'outbox_emails',
];

async function run(db: Db, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

export async function up(db: Db): Promise<void> {
  // Roles are cluster-wide: another schema (or a concurrent test run) may have created it.
  await run(
    db,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'brandsafe_app') THEN
         CREATE ROLE brandsafe_app NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$`,
  );
  // A non-superuser migrating role must be a member of brandsafe_app to SET ROLE to it.
  await run(
    db,
    `DO $$ BEGIN
       IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
         EXECUTE format('GRANT brandsafe_app TO %I', current_user);
       END IF;
     END $$`,
  );
  await run(db, `DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO brandsafe_app', current_schema()); END $$`);
  // Definer functions resolve names in this schema only (never in a caller-controlled path).
  await run(db, `SELECT set_config('search_path', format('%I, pg_temp', current_schema()), true)`);

  await run(
    db,
    `CREATE FUNCTION brandsafe_current_workspace() RETURNS uuid LANGUAGE sql STABLE AS
     $$ SELECT NULLIF(current_setting('app.workspace_id', true), '')::uuid $$`,
  );
  await run(
    db,
    `CREATE FUNCTION brandsafe_current_user() RETURNS uuid LANGUAGE sql STABLE AS
     $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`,
  );

  for (const table of TENANT_TABLES) {
    await run(db, `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await run(db, `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await run(
      db,
      `CREATE POLICY ${table}_tenant ON ${table}
       USING (workspace_id = brandsafe_current_workspace())
       WITH CHECK (workspace_id = brandsafe_current_workspace())`,
    );
    await run(db, `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO brandsafe_app`);
  }

  await run(db, `ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY`);
  await run(db, `ALTER TABLE workspaces FORCE ROW LEVEL SECURITY`);
  await run(
    db,
    `CREATE POLICY workspaces_tenant ON workspaces
     USING (id = brandsafe_current_workspace()) WITH CHECK (id = brandsafe_current_workspace())`,
  );
  await run(db, `GRANT SELECT, INSERT, UPDATE ON workspaces TO brandsafe_app`);

  // Users are global; a user is visible to themself and to the workspaces they belong to.
  await run(db, `ALTER TABLE users ENABLE ROW LEVEL SECURITY`);
  await run(db, `ALTER TABLE users FORCE ROW LEVEL SECURITY`);
  await run(
    db,
    `CREATE POLICY users_visible ON users FOR SELECT USING (
       id = brandsafe_current_user()
       OR EXISTS (SELECT 1 FROM memberships m
                  WHERE m.user_id = users.id AND m.workspace_id = brandsafe_current_workspace()))`,
  );
  await run(db, `CREATE POLICY users_insert_self ON users FOR INSERT WITH CHECK (id = brandsafe_current_user())`);
  await run(
    db,
    `CREATE POLICY users_update_self ON users FOR UPDATE
     USING (id = brandsafe_current_user()) WITH CHECK (id = brandsafe_current_user())`,
  );
  await run(db, `GRANT SELECT, INSERT, UPDATE ON users TO brandsafe_app`);

  // Audit events: read and append within the workspace; never update or delete (see 0004).
  await run(db, `ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
  await run(db, `ALTER TABLE audit_events FORCE ROW LEVEL SECURITY`);
  await run(db, `CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (workspace_id = brandsafe_current_workspace())`);
  await run(db, `CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (workspace_id = brandsafe_current_workspace())`);
  await run(db, `GRANT SELECT, INSERT ON audit_events TO brandsafe_app`);

  // Login attempts: no policy and no grant; reached only through the functions below.
  await run(db, `ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY`);
  await run(db, `ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY`);

  for (const statement of DEFINER_FUNCTIONS) await run(db, statement);
  for (const signature of DEFINER_SIGNATURES) {
    await run(db, `REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    await run(db, `GRANT EXECUTE ON FUNCTION ${signature} TO brandsafe_app`);
  }
}

const DEFINER_SIGNATURES = [
  'brandsafe_resolve_api_token(text)',
  'brandsafe_resolve_session(text)',
  'brandsafe_login_lookup(text)',
  'brandsafe_find_invitation(text)',
  'brandsafe_record_login_attempt(text, text, boolean)',
  'brandsafe_login_failures(text, text, timestamptz)',
];

const DEFINER = `SECURITY DEFINER SET search_path FROM CURRENT`;

const DEFINER_FUNCTIONS = [
  // A bearer API token, by the SHA-256 of its secret: live tokens of current members only.
  // last_used_at is refreshed at most once a minute so reads do not turn into writes.
  `CREATE FUNCTION brandsafe_resolve_api_token(p_hash text)
   RETURNS TABLE (token_id uuid, workspace_id uuid, user_id uuid, role text, scopes text[])
   LANGUAGE sql VOLATILE ${DEFINER} AS $$
     WITH found AS (
       SELECT t.id, t.workspace_id, t.user_id, m.role, t.scopes, t.last_used_at
       FROM api_tokens t
       JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
       WHERE t.token_hash = p_hash AND t.revoked_at IS NULL
         AND (t.expires_at IS NULL OR t.expires_at > now())
     ), touched AS (
       UPDATE api_tokens t SET last_used_at = now() FROM found f
       WHERE t.id = f.id AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute')
     )
     SELECT id, workspace_id, user_id, role, scopes FROM found
   $$`,
  `CREATE FUNCTION brandsafe_resolve_session(p_hash text)
   RETURNS TABLE (session_id uuid, workspace_id uuid, user_id uuid, role text)
   LANGUAGE sql VOLATILE ${DEFINER} AS $$
     WITH found AS (
       SELECT s.id, s.workspace_id, s.user_id, m.role, s.last_used_at
       FROM sessions s
       JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
       WHERE s.token_hash = p_hash AND s.revoked_at IS NULL AND s.expires_at > now()
     ), touched AS (
       UPDATE sessions s SET last_used_at = now() FROM found f
       WHERE s.id = f.id AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute')
     )
     SELECT id, workspace_id, user_id, role FROM found
   $$`,
  // Sign-in by email: the password hash to verify and the workspace to sign into (the oldest
  // membership). Nothing else about the user or their workspaces is returned.
  `CREATE FUNCTION brandsafe_login_lookup(p_email text)
   RETURNS TABLE (user_id uuid, password_hash text, workspace_id uuid)
   LANGUAGE sql STABLE ${DEFINER} AS $$
     SELECT u.id, u.password_hash,
       (SELECT m.workspace_id FROM memberships m WHERE m.user_id = u.id ORDER BY m.created_at LIMIT 1)
     FROM users u WHERE lower(u.email) = lower(p_email)
   $$`,
  `CREATE FUNCTION brandsafe_find_invitation(p_hash text)
   RETURNS TABLE (invitation_id uuid, workspace_id uuid, email text, role text,
                  expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
   LANGUAGE sql STABLE ${DEFINER} AS $$
     SELECT id, workspace_id, email, role, expires_at, accepted_at, revoked_at
     FROM invitations WHERE token_hash = p_hash
   $$`,
  `CREATE FUNCTION brandsafe_record_login_attempt(p_email text, p_address text, p_succeeded boolean)
   RETURNS void LANGUAGE sql VOLATILE ${DEFINER} AS $$
     INSERT INTO login_attempts (email, address, succeeded) VALUES (lower(p_email), p_address, p_succeeded)
   $$`,
  // Failed attempts since p_since, per account (only those after its last success, in id
  // order: timestamps may tie on a coarse clock) and per
  // address, with the oldest counted failure of each so callers can compute Retry-After.
  `CREATE FUNCTION brandsafe_login_failures(p_email text, p_address text, p_since timestamptz)
   RETURNS TABLE (account_failures integer, account_oldest timestamptz,
                  address_failures integer, address_oldest timestamptz)
   LANGUAGE sql STABLE ${DEFINER} AS $$
     WITH last_ok AS (
       SELECT coalesce(max(a.id), 0) AS ok_id FROM login_attempts a
       WHERE a.email = lower(p_email) AND a.succeeded AND a.at >= p_since
     ), acct AS (
       SELECT count(*)::int AS n, min(a.at) AS oldest FROM login_attempts a, last_ok
       WHERE a.email = lower(p_email) AND NOT a.succeeded AND a.at >= p_since AND a.id > last_ok.ok_id
     ), addr AS (
       SELECT count(*)::int AS n, min(a.at) AS oldest FROM login_attempts a
       WHERE a.address = p_address AND NOT a.succeeded AND a.at >= p_since
     )
     SELECT acct.n, acct.oldest, addr.n, addr.oldest FROM acct, addr
   $$`,
];

export async function down(db: Db): Promise<void> {
  for (const signature of DEFINER_SIGNATURES) await run(db, `DROP FUNCTION ${signature}`);
  for (const table of [...TENANT_TABLES, 'workspaces']) {
    await run(db, `DROP POLICY ${table}_tenant ON ${table}`);
    await run(db, `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
  }
  for (const [table, policies] of [
    ['users', ['users_visible', 'users_insert_self', 'users_update_self']],
    ['audit_events', ['audit_events_read', 'audit_events_append']],
    ['login_attempts', []],
  ] as const) {
    for (const p of policies) await run(db, `DROP POLICY ${p} ON ${table}`);
    await run(db, `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
  }
  await run(db, `DROP FUNCTION brandsafe_current_user()`);
  await run(db, `DROP FUNCTION brandsafe_current_workspace()`);
  await run(db, `DO $$ BEGIN EXECUTE format('REVOKE ALL ON SCHEMA %I FROM brandsafe_app', current_schema()); END $$`);
}
