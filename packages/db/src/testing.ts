/**
 * Test helpers (exported as `@brandsafe/db/testing`): the dialects every database test runs on
 * and a throwaway migrated database per test file.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, pgliteOf, type DatabaseConnection, type DialectName } from './connection.js';
import { migrateToLatest } from './migrate.js';

/** PGlite always; PostgreSQL too when `DATABASE_URL` is set (CI sets it). */
export const DIALECTS: readonly DialectName[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * Every table holding test data, children first, for cleaning between tests. Not `plans` (the
 * catalog rows migration 0009 inserts) nor `audit_log_state` (one row, reset in `clean()`).
 */
const TABLES = [
  'audit_log_pending',
  'audit_log_leaves',
  'audit_tree_nodes',
  'audit_tree_heads',
  'stripe_events',
  'rate_buckets',
  'quota_overrides',
  'usage_counters',
  'subscriptions',
  'email_verifications',
  'outbox_emails',
  'audit_events',
  'opal_requests',
  'code_corrections',
  'generation_transitions',
  'generations',
  'brand_versions',
  'brand_roles',
  'brands',
  'sessions',
  'api_tokens',
  'invitations',
  'memberships',
  'users',
  'workspaces',
  'login_attempts',
];

let template: Promise<Blob> | undefined;

/**
 * A dump of a freshly migrated PGlite, made once per process: loading it takes ~1.5 s where
 * initdb plus migrations take 4–10 s on a busy machine, for every test file.
 */
function migratedPGlite(): Promise<Blob> {
  template ??= (async () => {
    const conn = await createDatabase({});
    await migrateToLatest(conn.db);
    const pglite = pgliteOf(conn.db);
    if (!pglite) throw new Error('not a PGlite database');
    const dump = await pglite.dumpDataDir('none');
    await conn.close();
    return dump;
  })();
  return template;
}

export interface TestDatabase extends DatabaseConnection {
  /**
   * Empties every table (as the owner: TRUNCATE fires no row trigger, so the insert-only audit
   * and audit log rows go too) and resets the audit log's integrated size to 0, so no test sees
   * another's tree, billing counters or rate buckets.
   */
  clean(): Promise<void>;
  /** Closes the connection and, on PostgreSQL, drops the run's schema (once; `close()` does the same). */
  destroy(): Promise<void>;
  /** The run's own schema on PostgreSQL (`bs_test_<random>`); undefined on PGlite. */
  readonly schema: string | undefined;
}

/**
 * Opens a fresh, migrated database on `dialect`: PGlite in memory, or a new schema
 * `bs_test_<random>` on the server at `DATABASE_URL`, so concurrent runs never collide.
 */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (dialect === 'postgres' && !url) throw new Error('DATABASE_URL is not set');
  const schema = dialect === 'postgres' ? `bs_test_${randomBytes(6).toString('hex')}` : undefined;
  const conn = await createDatabase(dialect === 'postgres' ? { url, schema, poolSize: 10 } : { loadDataDir: await migratedPGlite() });
  await migrateToLatest(conn.db, { schema });
  let closing: Promise<void> | undefined;
  // `close` is `destroy`: a throwaway schema must not outlive its connection in the shared
  // PostgreSQL (a test that called close() used to leave its bs_test_* schema behind).
  const destroy = () =>
    (closing ??= (async () => {
      try {
        if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(conn.db);
      } finally {
        await conn.close();
      }
    })());
  return {
    ...conn,
    async clean() {
      await sql`TRUNCATE ${sql.join(TABLES.map((t) => sql.id(t)))} CASCADE`.execute(conn.db);
      await sql`UPDATE audit_log_state SET tree_size = 0`.execute(conn.db);
    },
    destroy,
    close: destroy,
    schema,
  };
}
