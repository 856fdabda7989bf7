/**
 * Migration 0008: email verification (issue 4 §4 "emails (verification, invitations)"). Frozen.
 *
 * A verification secret is emailed at sign-up and stored only as its SHA-256. Not a tenant
 * table (an address belongs to a user, not a workspace): a user sees and creates only their own
 * rows, and following the link — possibly signed out — goes through one SECURITY DEFINER
 * function that checks the secret, marks it used and verifies the address atomically.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

async function run(db: Db, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('email_verifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now() + interval '3 days'`))
    .addColumn('used_at', 'timestamptz')
    .execute();
  await run(db, `ALTER TABLE email_verifications ENABLE ROW LEVEL SECURITY`);
  await run(db, `ALTER TABLE email_verifications FORCE ROW LEVEL SECURITY`);
  await run(
    db,
    `CREATE POLICY email_verifications_own ON email_verifications
     USING (user_id = brandsafe_current_user()) WITH CHECK (user_id = brandsafe_current_user())`,
  );
  await run(db, `GRANT SELECT, INSERT ON email_verifications TO brandsafe_app`);
  await run(db, `SELECT set_config('search_path', format('%I, pg_temp', current_schema()), true)`);
  // The address verified is the one the secret was sent to, and only while it is still the
  // user's address: changing the email afterwards voids older links.
  await run(
    db,
    `CREATE FUNCTION brandsafe_verify_email(p_hash text)
     RETURNS TABLE (user_id uuid, email text)
     LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
       WITH used AS (
         UPDATE email_verifications v SET used_at = now()
         WHERE v.token_hash = p_hash AND v.used_at IS NULL AND v.expires_at > now()
         RETURNING v.user_id, v.email
       ), verified AS (
         UPDATE users u SET email_verified_at = coalesce(u.email_verified_at, now())
         FROM used WHERE u.id = used.user_id AND lower(u.email) = lower(used.email)
         RETURNING u.id, u.email
       )
       SELECT id, email FROM verified
     $$`,
  );
  await run(db, `REVOKE ALL ON FUNCTION brandsafe_verify_email(text) FROM PUBLIC`);
  await run(db, `GRANT EXECUTE ON FUNCTION brandsafe_verify_email(text) TO brandsafe_app`);
}

export async function down(db: Db): Promise<void> {
  await run(db, `DROP FUNCTION brandsafe_verify_email(text)`);
  await db.schema.dropTable('email_verifications').execute();
}
