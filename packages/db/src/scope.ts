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
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { batchQuery, type Statement } from './batch.js';
import { acceptsMultiStatement, pgliteOf } from './connection.js';
import { DbError } from './errors.js';
import { ASYNCHRONOUS_COMMIT_SETTING, groupCommitter } from './group-commit.js';
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
  /**
   * Commit without waiting for the WAL flush (`synchronous_commit = off` for this transaction
   * only), so its row locks are released at once. Only for writes whose loss in a database
   * crash is harmless (a rate bucket, a quota reservation whose generation commits later with a
   * synchronous commit — that flush covers the earlier record too).
   */
  asynchronousCommit?: boolean;
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
  return (await scoped(db, workspaceId, options, async (trx) => ({ value: await fn(trx) }))).value;
}

/** A transaction's last statement, run in the same round trip as its COMMIT. */
export type FinalStatement = Statement;

/**
 * {@link withWorkspace} for a transaction whose last statement takes contended row locks (a
 * counter every request of a workspace updates): `fn` returns its value and that statement, and
 * the statement is sent together with COMMIT — on PostgreSQL one simple-protocol round trip, as
 * an EXECUTE of a statement the connection prepared (batch.ts) — so the locks are released as soon as the database has
 * run it, never held while the application's event loop is busy elsewhere. Resolves with `fn`'s
 * value and the final statement's rows (empty when `fn` returned none). If the statement fails,
 * the transaction rolls back and the error is thrown.
 *
 * `options.first` is the mirror image: a read sent together with BEGIN and the scope's settings
 * (one round trip on PostgreSQL); `fn` receives its rows.
 *
 * @example
 * const { rows } = await withWorkspaceFinal(db, ws, async () => ({ value: null, final: { sql: 'UPDATE … RETURNING n', parameters: [ws] } }));
 */
export async function withWorkspaceFinal<T, R, F = unknown>(
  db: Kysely<Database>,
  workspaceId: string,
  fn: (trx: Tx, first: F[]) => Promise<{ value: T; final?: FinalStatement }>,
  options: ScopeOptions & { first?: FinalStatement } = {},
): Promise<{ value: T; rows: R[] }> {
  if (!isUuid(workspaceId)) throw new DbError('INVALID_WORKSPACE_ID', `not a workspace id: ${JSON.stringify(workspaceId)}`);
  return scoped<T, R, F>(db, workspaceId, options, fn);
}

/**
 * Runs statements known up front atomically, scoped to `workspaceId`, and resolves with the
 * rows of the last one that returns rows (give it a RETURNING or make it a SELECT). On PostgreSQL
 * the whole transaction — BEGIN, the scope's settings, the statements (EXECUTEs of statements the
 * connection prepared, batch.ts) and COMMIT — is one round trip, and under load several callers'
 * statements share one transaction, each under its own settings (group commit,
 * group-commit.ts); on PGlite they run one by one. If a statement fails, nothing of this call is
 * committed and the error is thrown.
 *
 * @example
 * const rows = await withWorkspaceStatements(db, ws, [{ sql: 'insert into … returning id', parameters: [ws] }]);
 */
export async function withWorkspaceStatements<R>(
  db: Kysely<Database>,
  workspaceId: string,
  statements: readonly Statement[],
  options: ScopeOptions = {},
): Promise<R[]> {
  if (!isUuid(workspaceId)) throw new DbError('INVALID_WORKSPACE_ID', `not a workspace id: ${JSON.stringify(workspaceId)}`);
  if (!acceptsMultiStatement(db)) {
    return (await scoped(db, workspaceId, options, async (trx) => {
      let rows: R[] = [];
      for (const s of statements) rows = (await trx.executeQuery<R>(CompiledQuery.raw(s.sql, [...s.parameters]))).rows;
      return { value: rows };
    })).value;
  }
  // Group commit (group-commit.ts): calls that arrive while earlier ones are in flight share a
  // transaction, each under its own settings; the commit mode is the transaction's.
  const settings = scopeSettings(workspaceId, { userId: options.userId });
  return groupCommitter(db, options.asynchronousCommit === true).run<R>(workspaceId, settings, statements);
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
  return (await scoped(db, '', options, async (trx) => ({ value: await fn(trx) }))).value;
}

/** The statement that sets a scope's role, workspace, user and commit mode for its transaction. */
function scopeSettings(workspaceId: string, { userId, asynchronousCommit }: ScopeOptions): string {
  if (userId !== undefined && !isUuid(userId)) throw new DbError('INVALID_WORKSPACE_ID', `not a user id: ${JSON.stringify(userId)}`);
  // Both values are validated UUIDs (or empty), so inlining them as literals is safe; it lets
  // PostgreSQL take BEGIN and the settings in one simple-protocol round trip.
  return `select set_config('role', '${APP_ROLE}', true), set_config('app.workspace_id', '${workspaceId}', true), set_config('app.user_id', '${userId ?? ''}', true)${asynchronousCommit ? `, ${ASYNCHRONOUS_COMMIT_SETTING}` : ''}`;
}

async function scoped<T, R = unknown, F = unknown>(
  db: Kysely<Database>,
  workspaceId: string,
  { userId, asynchronousCommit, first }: ScopeOptions & { first?: FinalStatement },
  fn: (trx: Tx, first: F[]) => Promise<{ value: T; final?: FinalStatement }>,
): Promise<{ value: T; rows: R[] }> {
  const settings = scopeSettings(workspaceId, { userId, asynchronousCommit });
  return db.connection().execute(async (conn) => {
    const pglite = pgliteOf(db);
    const multi = acceptsMultiStatement(db);
    let rows: R[] = [];
    let value: T;
    try {
      let firstRows: F[] = [];
      if (multi) {
        // One round trip (batch.ts); it answers with the last statement that returns rows.
        const head = await conn.executeQuery<F>(batchQuery(first ? ['begin', settings, first] : ['begin', settings]));
        if (first) firstRows = head.rows;
      } else if (pglite) {
        // The dialect serializes PGlite's one connection and we hold it, so using the instance
        // directly here cannot interleave with another transaction.
        await pglite.exec(`begin; ${settings}`);
      } else {
        await sql.raw('begin').execute(conn);
        await sql.raw(settings).execute(conn);
      }
      if (first && !multi) firstRows = (await conn.executeQuery<F>(CompiledQuery.raw(first.sql, [...first.parameters]))).rows;
      const result = await fn(conn, firstRows);
      value = result.value;
      if (result.final && multi) {
        rows = (await conn.executeQuery<R>(batchQuery([result.final, 'commit']))).rows;
        return { value, rows };
      }
      if (result.final) rows = (await conn.executeQuery<R>(CompiledQuery.raw(result.final.sql, [...result.final.parameters]))).rows;
    } catch (err) {
      await sql.raw('rollback').execute(conn).catch(() => undefined);
      throw err;
    }
    await sql.raw('commit').execute(conn);
    return { value, rows };
  });
}
