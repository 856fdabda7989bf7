/** Migration 0002: brands, their versioned graphs and per-brand role overrides. Frozen. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('brands')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('latest_version', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('brands_workspace_name_key', ['workspace_id', 'name'])
    // Lets child tables reference (workspace_id, id) so a row can never point into another tenant.
    .addUniqueConstraint('brands_workspace_id_key', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('brand_roles')
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('brand_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('owner', 'admin', 'editor', 'reviewer', 'viewer')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('brand_roles_pkey', ['brand_id', 'user_id'])
    .addForeignKeyConstraint('brand_roles_brand_fkey', ['workspace_id', 'brand_id'], 'brands', ['workspace_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .addForeignKeyConstraint('brand_roles_member_fkey', ['workspace_id', 'user_id'], 'memberships', ['workspace_id', 'user_id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('brand_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (c) => c.notNull())
    .addColumn('brand_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull().check(sql`major >= 0`))
    .addColumn('minor', 'integer', (c) => c.notNull().check(sql`minor >= 0`))
    .addColumn('patch', 'integer', (c) => c.notNull().check(sql`patch >= 0`))
    .addColumn('turtle', 'text', (c) => c.notNull())
    .addColumn('model', 'jsonb', (c) => c.notNull())
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('brand_versions_brand_version_key', ['brand_id', 'version'])
    .addUniqueConstraint('brand_versions_workspace_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('brand_versions_brand_fkey', ['workspace_id', 'brand_id'], 'brands', ['workspace_id', 'id'], (f) =>
      f.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('brand_versions_order_idx')
    .on('brand_versions')
    .columns(['brand_id', 'major', 'minor', 'patch'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['brand_versions', 'brand_roles', 'brands']) await db.schema.dropTable(t).execute();
}
