/**
 * Migration 0006: what the review pipeline and the Opal analytics record beyond migration 0003.
 * Frozen.
 *
 * - `code_corrections.findings`: the checker's findings on the corrected code (issue 4 §7:
 *   a correction is re-checked), so the learning loop can tell fixes from regressions.
 * - `opal_requests.error_code`: why a call failed (a GenerationError code), for the analytics.
 * - `generations.page_type`: the page type the code targets, so approval re-checks the stored
 *   code against the same approved selectors the generator used.
 * - An index for the generation list filtered by author, newest first.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('code_corrections').addColumn('findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
  await db.schema.alterTable('opal_requests').addColumn('error_code', 'text').execute();
  await db.schema.alterTable('generations').addColumn('page_type', 'text').execute();
  await sql`CREATE INDEX generations_author_idx ON generations (workspace_id, author_id, created_at DESC, id DESC)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`DROP INDEX generations_author_idx`.execute(db);
  await db.schema.alterTable('generations').dropColumn('page_type').execute();
  await db.schema.alterTable('opal_requests').dropColumn('error_code').execute();
  await db.schema.alterTable('code_corrections').dropColumn('findings').execute();
}
