/**
 * Migration 0004: the append-only audit events and the email outbox. Frozen.
 *
 * `audit_events` refuses UPDATE and DELETE with a row trigger, whoever asks (issue 4 §3); the
 * application role is also granted only SELECT and INSERT (migration 0005). `seq` gives the
 * audit integrator (issue 5) a global order to sequence events into the Merkle tree; the tree's
 * own tables come in a later migration.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_events_workspace_idx').on('audit_events').columns(['workspace_id', 'seq']).execute();

  await sql`
    CREATE FUNCTION brandsafe_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege', HINT = 'append a new event instead';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION brandsafe_audit_append_only()`.execute(db);

  await db.schema
    .createTable('outbox_emails')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await sql`CREATE INDEX outbox_emails_pending_idx ON outbox_emails (created_at) WHERE sent_at IS NULL`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('outbox_emails').execute();
  await db.schema.dropTable('audit_events').execute();
  await sql`DROP FUNCTION brandsafe_audit_append_only()`.execute(db);
}
