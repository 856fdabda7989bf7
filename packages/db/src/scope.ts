/**
 * The workspace-scoped path every application query takes (issue 4 §3, first of the two
 * isolation layers). Each helper opens a transaction and, inside it only (`set_config(..., true)`
 * is SET LOCAL):
 *   - switches to the `brandsafe_app` role, which owns no table, so row-level security applies
 *     even when the connection's user is a superuser (the second layer, migration 0005);
 *   - sets `app.workspace_id` (the tenant the row policies compare with) and `app.user_id`
 *     (the signed-in user, for the `users` policies).
 * A query run on the bare `db` instead is the privileged path: migrations, seeding and
 * cross-tenant maintenance jobs (the audit integrator) only — never a request handler.
 */
import { sql, type Kysely } from 'kysely';
import { acceptsMultiStatement, pgliteOf } from './connection.js';
import { DbError } from './errors.js';
import type { Database } from './schema/database.js';

/**
 * A connection inside a transaction of the application role with a workspace (or none) set.
 * It is a plain Kysely bound to one connection (BEGIN/COMMIT are issued by the scope helpers),
 * so do not call `.transaction()` on it.
 */
export type Tx = Kysely<Database>;

/** The role the application acts as; created by migration 0005. */
export const APP_ROLE = 'brandsafe_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID in canonical text form (what `uuid` columns accept). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface ScopeOptions {
  /** The acting user, visible to the `users` policies as `app.user_id`. */
  userId?: string;
}

/**
 * Runs `fn` in a transaction scoped to `workspaceId`: every row it reads or writes belongs to
 * that workspace, whatever its WHERE clauses say. Commits when `fn` resolves, rolls back when it
 * throws.
 *
 * @example
 * const brands = await withWorkspace(db, workspaceId, (trx) => listBrands(trx));
 */
export async function withWorkspace<T>(
  db: Kysely<Database>,
  workspaceId: string,
  fn: (trx: Tx) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  if (!isUuid(workspaceId)) throw new DbError('INVALID_WORKSPACE_ID', `not a workspace id: ${JSON.stringify(workspaceId)}`);
  return scoped(db, workspaceId, options.userId, fn);
}

/**
 * Runs `fn` as the application role with no workspace set: tenant rows are invisible; only the
 * acting user's own `users` row and the SECURITY DEFINER lookups (sign-in, bearer secrets,
 * invitations, throttling) answer. Used before a request's workspace is known.
 */
export async function withoutWorkspace<T>(
  db: Kysely<Database>,
  fn: (trx: Tx) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  return scoped(db, '', options.userId, fn);
}

async function scoped<T>(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string | undefined,
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  if (userId !== undefined && !isUuid(userId)) throw new DbError('INVALID_WORKSPACE_ID', `not a user id: ${JSON.stringify(userId)}`);
  // Both values are validated UUIDs (or empty), so inlining them as literals is safe; it lets
  // PostgreSQL take BEGIN and the settings in one simple-protocol round trip.
  const settings = `select set_config('role', '${APP_ROLE}', true), set_config('app.workspace_id', '${workspaceId}', true), set_config('app.user_id', '${userId ?? ''}', true)`;
  return db.connection().execute(async (conn) => {
    const pglite = pgliteOf(db);
    if (acceptsMultiStatement(db)) {
      await sql.raw(`begin; ${settings}`).execute(conn);
    } else if (pglite) {
      // The dialect serializes PGlite's one connection and we hold it, so using the instance
      // directly here cannot interleave with another transaction.
      await pglite.exec(`begin; ${settings}`);
    } else {
      await sql.raw('begin').execute(conn);
      await sql.raw(settings).execute(conn);
    }
    let result: T;
    try {
      result = await fn(conn);
    } catch (err) {
      await sql.raw('rollback').execute(conn).catch(() => undefined);
      throw err;
    }
    await sql.raw('commit').execute(conn);
    return result;
  });
}
