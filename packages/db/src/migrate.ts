import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { DbError } from './errors.js';
import { migrations } from './migrations/index.js';

/**
 * Applies every pending migration in order, in one transaction, under kysely's migration lock
 * (safe when several processes start at once). With `schema`, creates that schema first.
 * Returns the names applied by this call.
 */
export async function migrateToLatest<T>(db: Kysely<T>, options: { schema?: string } = {}): Promise<string[]> {
  if (options.schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(options.schema)}`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new DbError('MIGRATION_FAILED', `migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
