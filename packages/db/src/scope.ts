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
import { sql, type Kysely, type Transaction } from 'kysely';
import { DbError } from './errors.js';
import type { Database } from './schema/database.js';

/** A transaction of the application role with a workspace (or none) set. */
export type Tx = Transaction<Database>;

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
  return db.transaction().execute(async (trx) => {
    // One round trip for all three settings; `role` via set_config is SET LOCAL ROLE.
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('app.workspace_id', ${workspaceId}, true),
      set_config('app.user_id', ${userId ?? ''}, true)`.execute(trx);
    return fn(trx);
  });
}
