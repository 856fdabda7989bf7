/**
 * Statement batches: several statements sent to PostgreSQL as ONE simple-protocol query, so a
 * short transaction (BEGIN, the scope's settings, a statement or two, COMMIT) costs one round
 * trip instead of one per statement. On this kind of machine a loopback round trip costs more
 * CPU (the write and wake-up on both sides) than the statements themselves.
 *
 * The simple protocol carries no parameters, so a parameterized statement travels as
 * `EXECUTE name(literal, …)` of a statement the connection prepared earlier — PostgreSQL keeps
 * its parse tree and plan, exactly as for a protocol-level named statement — and, the first
 * time on a connection, as `PREPARE name AS <text>; EXECUTE name(…)`. Values become escaped SQL
 * literals ({@link sqlLiteral}): only null, booleans, finite numbers, Dates and strings are
 * accepted, anything else is an INVALID_ARGUMENT error before anything is sent.
 */
import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { DbError } from './errors.js';

/** A parameterized statement: `$1`… in `sql`, values in `parameters`. */
export interface Statement {
  readonly sql: string;
  /** `$1`… values: null, booleans, finite numbers, Dates and strings only. */
  readonly parameters: readonly unknown[];
}

/** Why `v` cannot be written as a SQL literal (`n` names the parameter), or undefined. */
function literalProblem(v: unknown, n: number): string | undefined {
  if (v === null || v === undefined || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `$${n} is not a finite number`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? `$${n} is an invalid date` : undefined;
  if (typeof v === 'string') return v.includes('\0') ? `$${n} contains a NUL character` : undefined;
  return `$${n} cannot be inlined (${typeof v})`;
}

/** One value as a SQL literal for the simple protocol; `n` names the parameter in errors. */
export function sqlLiteral(v: unknown, n: number): string {
  const problem = literalProblem(v, n);
  if (problem) throw new DbError('INVALID_ARGUMENT', problem);
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return `(${String(v)})`;
  if (v instanceof Date) return `'${v.toISOString()}'`;
  return escapeLiteral(v as string);
}

/**
 * Throws the INVALID_ARGUMENT error {@link sqlLiteral} would throw for any of the statements'
 * values: for a caller whose statements may share a batch with others' (group-commit.ts), so a
 * bad value fails that caller alone, before anything is queued.
 */
export function assertInlinable(statements: readonly Statement[]): void {
  for (const s of statements) {
    for (let i = 0; i < s.parameters.length; i++) {
      const problem = literalProblem(s.parameters[i], i + 1);
      if (problem) throw new DbError('INVALID_ARGUMENT', problem);
    }
  }
}

/**
 * pg's escapeLiteral, byte for byte (quotes doubled; with a backslash, backslashes doubled and an
 * E'' literal, so the result is right whatever standard_conforming_strings says), with native
 * replaces instead of its character-by-character concatenation: parameters here carry whole
 * generated programs, on every request.
 */
function escapeLiteral(v: string): string {
  const quoted = v.replaceAll("'", "''");
  return v.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** `text` with `$n` replaced by `parameters[n - 1]` as SQL literals (for the simple protocol). */
export function inlineParameters(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= parameters.length) throw new DbError('INVALID_ARGUMENT', `no value for $${n}`);
    return sqlLiteral(parameters[i], i + 1);
  });
}

/** A batch's parts in order: SQL text as is (no parameters), or a parameterized statement. */
export type BatchPart = string | Statement;

/** What the pool facade recognizes as a batch (connection.ts); built by {@link batchQuery}. */
export class Batch {
  /**
   * @param perPart answer with one entry per part instead of the last rows (see
   *   {@link batchQueryPerPart}). String parts must then be single statements.
   */
  constructor(
    readonly parts: readonly BatchPart[],
    readonly perPart = false,
  ) {}
}

/** The SQL text of a batch query; its only parameter is the {@link Batch}. */
export const BATCH_SQL = '/* brandsafe statement batch */';

/**
 * The batch as a query kysely can execute on a connection (`conn.executeQuery(batchQuery(…))`).
 * On PostgreSQL (pg) it answers with the rows of its last statement that returns rows. Only the
 * pg facade of connection.ts understands it: PGlite callers run the parts one by one instead.
 */
export function batchQuery(parts: readonly BatchPart[]): CompiledQuery {
  return CompiledQuery.raw(BATCH_SQL, [new Batch(parts)]);
}

/**
 * A part's answer in a {@link batchQueryPerPart}: the rows of its statement, or null when the
 * statement returns no rows at all (BEGIN, an INSERT without RETURNING).
 */
export type PartRows = unknown[] | null;

/**
 * {@link batchQuery} answering with one {@link PartRows} per part, in order (the query result's
 * `rows`), so several callers' statements can share one batch and each get its own rows back
 * (group-commit.ts). String parts must be single statements: their results are counted one each.
 */
export function batchQueryPerPart(parts: readonly BatchPart[]): CompiledQuery<PartRows> {
  return CompiledQuery.raw(BATCH_SQL, [new Batch(parts, true)]);
}

/** A multi-statement query's results (one per statement, as pg gives them) grouped by part. */
export function rowsPerPart(results: readonly { rows: unknown[]; fields: readonly unknown[] }[], counts: readonly number[]): PartRows[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (results.length !== total) throw new DbError('INVALID_ARGUMENT', `a batch of ${total} statements answered with ${results.length} results`);
  const out: PartRows[] = [];
  let at = 0;
  for (const n of counts) {
    at += n;
    const last = results[at - 1]!;
    out.push(last.fields.length > 0 ? last.rows : null);
  }
  return out;
}

/** Per-connection bookkeeping of the statements PREPAREd by batches. */
export interface BatchState {
  /** Names prepared on this connection by an earlier batch that succeeded. */
  readonly prepared: Set<string>;
  /**
   * Names whose batch failed after sending PREPARE: whether the statement exists is unknown
   * (a PREPARE that ran survives the rollback), so they are only ever inlined from then on.
   */
  readonly unknown: Set<string>;
}

/**
 * A statement name for `text` (`prefix` + a digest), remembered for the last 10,000 texts: one
 * per statement text, the same on every connection and in every process.
 */
export function statementNamer(prefix: string): (text: string) => string {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `${prefix}${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      if (names.size >= 10_000) names.clear();
      names.set(text, name);
    }
    return name;
  };
}

/** The name a batch prepares a text under (its own prefix, apart from the pool's `bs_` names). */
const batchName = statementNamer('bsb_');

/**
 * The batch as one simple-protocol text, and the names it PREPAREs (to record once it succeeded,
 * or mark unknown if it failed). At most `limit` statements are prepared per connection; later
 * texts are inlined, so statements whose text varies cannot grow a connection's memory.
 */
export function composeBatch(batch: Batch, state: BatchState, limit: number): { text: string; preparing: string[]; counts: number[] } {
  const out: string[] = [];
  const preparing: string[] = [];
  // How many statements each part became (a PREPARE and its EXECUTE are two).
  const counts: number[] = [];
  for (const part of batch.parts) {
    const before = out.length;
    if (typeof part === 'string') {
      out.push(part);
      counts.push(1);
      continue;
    }
    const args = part.parameters.map((v, i) => sqlLiteral(v, i + 1));
    const name = batchName(part.sql);
    const execute = args.length ? `execute ${name}(${args.join(', ')})` : `execute ${name}`;
    if (state.prepared.has(name) || preparing.includes(name)) out.push(execute);
    else if (state.unknown.has(name) || state.prepared.size + state.unknown.size + preparing.length >= limit) {
      out.push(inlineParameters(part.sql, part.parameters));
    } else {
      preparing.push(name);
      out.push(`prepare ${name} as ${part.sql}`, execute);
    }
    counts.push(out.length - before);
  }
  return { text: out.join(';\n'), preparing, counts };
}
