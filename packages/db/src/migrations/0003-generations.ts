/** Migration 0003: generations, review transitions, code corrections and Opal requests. Frozen. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

const STATUSES = sql`('GENERATED', 'QA_REVIEW', 'APPROVED', 'DEPLOYED', 'REJECTED', 'DEPLOY_FAILED')`;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('generations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('brand_id', 'uuid', (c) => c.notNull())
    .addColumn('brand_version_id', 'uuid')
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('test_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('parameters', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('template_id', 'text')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ${STATUSES}`))
    .addColumn('findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('confidence', 'double precision', (c) => c.notNull().check(sql`confidence >= 0 AND confidence <= 1`))
    .addColumn('attempts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('generations_workspace_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('generations_brand_fkey', ['workspace_id', 'brand_id'], 'brands', ['workspace_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addForeignKeyConstraint('generations_version_fkey', ['workspace_id', 'brand_version_id'], 'brand_versions', ['workspace_id', 'id'])
    .execute();
  // Cursor pagination walks (created_at, id) newest first; filters narrow by status or brand.
  await sql`CREATE INDEX generations_page_idx ON generations (workspace_id, created_at DESC, id DESC)`.execute(db);
  await db.schema.createIndex('generations_status_idx').on('generations').columns(['workspace_id', 'status']).execute();
  await db.schema.createIndex('generations_brand_idx').on('generations').columns(['workspace_id', 'brand_id']).execute();

  await db.schema
    .createTable('generation_transitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('generation_id', 'uuid', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull().check(sql`from_status IN ${STATUSES}`))
    .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status IN ${STATUSES}`))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('findings', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('generation_transitions_generation_fkey', ['workspace_id', 'generation_id'], 'generations', ['workspace_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('generation_transitions_generation_idx').on('generation_transitions').columns(['generation_id', 'created_at']).execute();

  await db.schema
    .createTable('code_corrections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('generation_id', 'uuid', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('code_corrections_generation_fkey', ['workspace_id', 'generation_id'], 'generations', ['workspace_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('code_corrections_generation_idx').on('code_corrections').column('generation_id').execute();

  await db.schema
    .createTable('opal_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('brand_id', 'uuid')
    .addColumn('token_id', 'uuid')
    .addColumn('generation_id', 'uuid')
    .addColumn('test_type', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('opal_requests_day_idx').on('opal_requests').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['opal_requests', 'code_corrections', 'generation_transitions', 'generations']) {
    await db.schema.dropTable(t).execute();
  }
}
