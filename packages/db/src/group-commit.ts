/**
 * Group commit for short scoped transactions on PostgreSQL (`withWorkspaceStatements`).
 *
 * Under load many requests each want the same tiny transaction: BEGIN, the scope's settings, one
 * statement, COMMIT. On a small machine the per-transaction costs — the round trip (a socket
 * write and a wake-up on both sides), BEGIN/COMMIT, the commit record and its WAL flush — cost
 * more CPU than the statement itself. So at most `inFlight` such transactions of one commit mode
 * run at a time; calls that arrive while they do wait in a queue, and the next transaction takes
 * up to `maxItems` of them together:
 *
 *     begin; [commit mode;] settings(A); A's statements; settings(B); B's statements; …; commit
 *
 * - Nothing waits when the database keeps up: a call that finds a free slot is sent at once, alone.
 *   Batches only form while earlier transactions are in flight, so the wait they add is bounded
 *   by the transaction ahead of them.
 * - Each call runs under its own settings (role, `app.workspace_id`, `app.user_id`; set LOCAL, so
 *   the next call's settings replace them), so row-level security scopes every statement to its
 *   own caller's workspace exactly as in a transaction of its own. Calls are ordered by workspace
 *   id, so two batches always take row locks of different workspaces in the same order (no
 *   deadlock between batches).
 * - Each call gets the rows of its own last statement that returns rows.
 * - If PostgreSQL refuses a statement, the transaction rolls back — nothing of any call is
 *   committed — and every call of the batch is run again in a transaction of its own, so only
 *   the call whose statement fails sees the error. When the connection broke instead (no
 *   SQLSTATE, or one of a connection or server class), whether COMMIT happened is unknown, so
 *   every call of the batch gets the error, as a lone call would.
 * - Synchronous and asynchronous commits (`ScopeOptions.asynchronousCommit`) are never mixed:
 *   each mode has its own queue.
 */
import { sql, type Kysely } from 'kysely';
import { assertInlinable, batchQueryPerPart, type BatchPart, type PartRows, type Statement } from './batch.js';
import { sqlState } from './errors.js';
import type { Database } from './schema/database.js';

/** How calls are grouped; see {@link GroupCommitter}. */
export interface GroupCommitOptions {
  /** Transactions of one commit mode in flight at once (default 2); `Infinity`: never group. */
  inFlight?: number;
  /** Calls per transaction at most (default 32). */
  maxItems?: number;
}

/** One caller's part of a grouped transaction. */
interface Call {
  readonly workspaceId: string;
  /** The caller's scope settings: one statement (scope.ts). */
  readonly settings: string;
  readonly statements: readonly Statement[];
  resolve(rows: unknown[]): void;
  reject(err: unknown): void;
}

/** Counters, for tests and benchmarks. */
export interface GroupCommitStats {
  /** Transactions sent (including the lone re-runs after a refused batch). */
  transactions: number;
  /** Calls answered. */
  calls: number;
  /** The most calls one transaction carried. */
  largest: number;
  /** Batches PostgreSQL refused, whose calls were each run again alone. */
  refusedBatches: number;
}

const DEFAULTS: Required<GroupCommitOptions> = { inFlight: 2, maxItems: 32 };

/** The setting (SET LOCAL) that makes a transaction commit without waiting for the WAL flush. */
export const ASYNCHRONOUS_COMMIT_SETTING = "set_config('synchronous_commit', 'off', true)";

/** The queue of one commit mode of one database. */
export class GroupCommitter {
  private readonly queue: Call[] = [];
  private running = 0;
  private readonly inFlight: number;
  private readonly maxItems: number;
  readonly stats: GroupCommitStats = { transactions: 0, calls: 0, largest: 0, refusedBatches: 0 };

  /** Run once after BEGIN when the transactions commit asynchronously. */
  private readonly commitMode: string | undefined;

  /** @param asynchronousCommit the queue's commit mode (ScopeOptions.asynchronousCommit). */
  constructor(
    private readonly db: Kysely<Database>,
    asynchronousCommit: boolean,
    options: GroupCommitOptions = {},
  ) {
    this.commitMode = asynchronousCommit ? `select ${ASYNCHRONOUS_COMMIT_SETTING}` : undefined;
    this.inFlight = Math.max(1, options.inFlight ?? DEFAULTS.inFlight);
    this.maxItems = Math.max(1, Math.floor(options.maxItems ?? DEFAULTS.maxItems));
  }

  /** Runs `statements` under `settings` in a (possibly shared) transaction; the last rows back. */
  run<R>(workspaceId: string, settings: string, statements: readonly Statement[]): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      // A value that cannot be sent fails its own call here, not the batch it would have joined.
      assertInlinable(statements);
      this.queue.push({ workspaceId, settings, statements, resolve: resolve as (rows: unknown[]) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.inFlight && this.queue.length > 0) {
      const calls = this.queue.splice(0, this.maxItems);
      this.running++;
      void this.send(calls).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async send(calls: Call[]): Promise<void> {
    calls.sort((a, b) => (a.workspaceId < b.workspaceId ? -1 : a.workspaceId > b.workspaceId ? 1 : 0));
    try {
      const answers = await this.transaction(calls);
      for (const [call, rows] of answers) call.resolve(rows);
    } catch (err) {
      if (calls.length > 1 && refusedStatement(err)) {
        // PostgreSQL refused a statement: nothing was committed. Whose was it? Each alone.
        this.stats.refusedBatches++;
        await Promise.all(calls.map((call) => this.alone(call)));
        return;
      }
      for (const call of calls) call.reject(err);
    }
  }

  private async alone(call: Call): Promise<void> {
    try {
      const [[, rows]] = await this.transaction([call]);
      call.resolve(rows);
    } catch (err) {
      call.reject(err);
    }
  }

  /** One transaction for `calls`, in one round trip; each call's rows. Rolls back on failure. */
  private async transaction(calls: readonly Call[]): Promise<[Call, unknown[]][]> {
    const parts: BatchPart[] = this.commitMode ? ['begin', this.commitMode] : ['begin'];
    const ranges: [number, number][] = [];
    for (const call of calls) {
      parts.push(call.settings);
      ranges.push([parts.length, parts.length + call.statements.length]);
      parts.push(...call.statements);
    }
    parts.push('commit');
    this.stats.transactions++;
    const answers = await this.db.connection().execute(async (conn) => {
      try {
        return (await conn.executeQuery<PartRows>(batchQueryPerPart(parts))).rows;
      } catch (err) {
        // A failed statement leaves the transaction aborted (the rest of the batch was skipped).
        await sql.raw('rollback').execute(conn).catch(() => undefined);
        throw err;
      }
    });
    this.stats.calls += calls.length;
    this.stats.largest = Math.max(this.stats.largest, calls.length);
    return calls.map((call, i) => [call, lastRows(answers, ranges[i]!)]);
  }
}

/**
 * True when PostgreSQL answered with an error about a statement, so the transaction is known not
 * to have committed. Not for the classes that describe the connection or the server rather than
 * a statement (08 connection exception, 57 operator intervention such as a terminated backend,
 * 58 system error, XX internal error): there, as without a SQLSTATE, whether COMMIT happened is
 * unknown and running the calls again could apply them twice.
 */
function refusedStatement(err: unknown): boolean {
  const state = sqlState(err);
  return state !== undefined && !['08', '57', '58', 'XX'].includes(state.slice(0, 2));
}

/** The rows of the last statement in `[from, to)` that returns rows; none: empty. */
function lastRows(answers: readonly PartRows[], [from, to]: [number, number]): unknown[] {
  for (let i = to - 1; i >= from; i--) {
    const rows = answers[i];
    if (rows) return rows;
  }
  return [];
}

interface Registered {
  options: GroupCommitOptions;
  modes: Map<boolean, GroupCommitter>;
}

const registry = new WeakMap<Kysely<Database>, Registered>();

/** Sets how `db`'s scoped statement transactions are grouped (connection.ts, at open). */
export function configureGroupCommit(db: Kysely<Database>, options: GroupCommitOptions): void {
  registry.set(db, { options, modes: new Map() });
}

/** The queue of `db` for one commit mode. */
export function groupCommitter(db: Kysely<Database>, asynchronousCommit: boolean): GroupCommitter {
  let entry = registry.get(db);
  if (!entry) registry.set(db, (entry = { options: {}, modes: new Map() }));
  let committer = entry.modes.get(asynchronousCommit);
  if (!committer) entry.modes.set(asynchronousCommit, (committer = new GroupCommitter(db, asynchronousCommit, entry.options)));
  return committer;
}
