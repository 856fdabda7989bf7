/**
 * Opening the database: PGlite (PostgreSQL compiled to WebAssembly, in-process) by default, a
 * PostgreSQL server through a pg pool when a connection URL is given. Both speak the same SQL,
 * so migrations, row-level security and every query run unchanged on either.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { BATCH_SQL, Batch, composeBatch, rowsPerPart, statementNamer, type BatchState } from './batch.js';
import { DbError } from './errors.js';
import { configureGroupCommit, type GroupCommitOptions } from './group-commit.js';
import type { Database } from './schema/database.js';

export type DialectName = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** A `postgres://` URL (`DATABASE_URL`). Absent: embedded PGlite. */
  url?: string;
  /** PGlite's data folder. Absent (and no url): an in-memory database. */
  dataDir?: string;
  /**
   * PostgreSQL only: a schema to work in (created by `migrateToLatest`), set as the
   * connection's search_path. Tests use a fresh schema per run so parallel runs never collide.
   */
  schema?: string;
  /** pg pool size (default 10). */
  poolSize?: number;
  /**
   * PostgreSQL only: how `withWorkspaceStatements` transactions arriving together are grouped
   * into one (group-commit.ts); `{ inFlight: Infinity }` sends every call alone.
   */
  groupCommit?: GroupCommitOptions;
  /**
   * PGlite only: start from this dump of a data directory (`dumpDataDir()`), e.g. an already
   * migrated template — tests use it to skip initdb and migrations for every new database.
   */
  loadDataDir?: Blob;
}

/** An open database: the kysely instance, which engine it runs on, and how to close it. */
export interface DatabaseConnection {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The schema in use (PostgreSQL with `schema`), else undefined. */
  readonly schema?: string;
  /** Answers when the database executes a trivial query (for `/readyz`). */
  ping(): Promise<void>;
  /** Waits for queries in flight, then closes the pool or the PGlite instance. */
  close(): Promise<void>;
}

// Databases whose driver sends parameterless queries with the simple protocol (pg does; PGlite's
// query() always uses the extended protocol, one statement at a time).
const multiStatement = new WeakSet<Kysely<Database>>();

/** True when `db` can run several `;`-separated statements in one parameterless query. */
export function acceptsMultiStatement(db: Kysely<Database>): boolean {
  return multiStatement.has(db);
}

// PGlite instances behind kysely handles: PGlite's exec() runs several statements in one call,
// which scoped transactions use for BEGIN plus their settings.
const pgliteClients = new WeakMap<Kysely<Database>, PGlite>();

/** The PGlite instance behind `db`, if it is a PGlite database. */
export function pgliteOf(db: Kysely<Database>): PGlite | undefined {
  return pgliteClients.get(db);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const PG_INT8 = 20;

/**
 * Opens the database described by `options`.
 *
 * @example
 * const { db, close } = await createDatabase({ dataDir: '.brandsafe/data' });
 * await migrateToLatest(db);
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseConnection> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new DbError('INVALID_CONFIG', `schema must match ${SCHEMA_NAME.source}: ${JSON.stringify(options.schema)}`);
  }
  if (options.url) return openPostgres(options.url, options);
  return openPGlite(options.dataDir, options.loadDataDir);
}

async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<DatabaseConnection> {
  // int8 as a decimal string, as pg returns it, so both dialects give the same values.
  const parsers = { [PG_INT8]: (value: string) => value };
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, parsers, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (cause) {
    throw new DbError('INVALID_CONFIG', `cannot open PGlite data folder ${dataDir ?? '(memory)'}`, { cause });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  pgliteClients.set(db, client);
  return {
    db,
    dialect: 'pglite',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/**
 * What is wrong with a PostgreSQL connection URL, or undefined when pg can use it. Accepts what
 * libpq accepts, including a Unix socket (`postgresql://user@/db?host=/var/run/postgresql`,
 * `postgresql:///db?host=…`), which WHATWG URL parsing refuses.
 */
export function databaseUrlProblem(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return 'DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)';
  if (scheme !== 'postgres' && scheme !== 'postgresql') return `DATABASE_URL must start with postgres:// or postgresql:// (got ${scheme}://)`;
  try {
    const parsed = parseConnectionString(url);
    if (parsed.port && !/^\d{1,5}$/.test(parsed.port)) return `DATABASE_URL has an invalid port (${parsed.port})`;
  } catch (err) {
    return `DATABASE_URL cannot be read: ${err instanceof Error ? err.message : String(err)}`;
  }
  return undefined;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseConnection> {
  const problem = databaseUrlProblem(url);
  if (problem) throw new DbError('INVALID_CONFIG', problem);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  multiStatement.add(db);
  configureGroupCommit(db, options.groupCommit ?? {});
  return {
    db,
    dialect: 'postgres',
    schema: options.schema,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** Named (server-side prepared) statements kept per connection at most; later ones run unnamed. */
export const MAX_PREPARED_PER_CONNECTION = 500;

/**
 * The pool as kysely sees it, with every parameterized query sent as a named prepared statement
 * (its name: a digest of the text). PostgreSQL then parses, analyses and plans each distinct
 * statement once per connection instead of once per execution — measured as ~40 % of the
 * server's CPU on the generation path, where every statement is one of a few dozen texts.
 * Parameterless statements (BEGIN with its settings, COMMIT) keep the simple protocol. Plans stay
 * correct: PostgreSQL re-plans a cached statement when a table it uses changes or when the role
 * or search_path differs (row-level security is part of the plan). At most
 * {@link MAX_PREPARED_PER_CONNECTION} texts are named per connection, so statements whose text
 * varies (IN lists of different lengths) cannot grow a connection's memory without bound.
 * A batchQuery (batch.ts) is sent as one simple-protocol query whose parameterized
 * statements are EXECUTEs of statements PREPAREd on this connection.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const nameOf = statementNamer('bs_');
  return {
    async connect() {
      const client = await pool.connect();
      let facade = wrapped.get(client);
      if (!facade) {
        const prepared = new Set<string>();
        const batches: BatchState = { prepared: new Set(), unknown: new Set() };
        facade = {
          query: ((text: string | pg.Submittable, values?: unknown[]) => {
            if (typeof text !== 'string') return client.query(text); // a cursor (kysely's stream())
            if (text === BATCH_SQL && values?.[0] instanceof Batch) {
              // batch.ts: one simple-protocol query; its PREPAREs count against the same limit.
              const { perPart } = values[0];
              const { text: batch, preparing, counts } = composeBatch(values[0], batches, MAX_PREPARED_PER_CONNECTION - prepared.size);
              return client.query(batch).then(
                (r) => {
                  for (const name of preparing) batches.prepared.add(name);
                  const results = (Array.isArray(r) ? r : [r]) as pg.QueryResult[];
                  if (perPart) return { command: 'SELECT', rowCount: counts.length, rows: rowsPerPart(results, counts) };
                  return answerOf(results);
                },
                (err: unknown) => {
                  for (const name of preparing) batches.unknown.add(name);
                  throw err;
                },
              );
            }
            // Several statements in one parameterless query: pg answers with one result each;
            // kysely expects one, so it gets that of the last statement that returns rows (a
            // SELECT or RETURNING, not BEGIN/COMMIT) — what scope.ts relies on.
            if (!values || values.length === 0) return client.query(text, values).then((r) => (Array.isArray(r) ? answerOf(r as pg.QueryResult[]) : r));
            const name = nameOf(text);
            if (!prepared.has(name)) {
              if (prepared.size + batches.prepared.size + batches.unknown.size >= MAX_PREPARED_PER_CONNECTION) return client.query(text, values);
              prepared.add(name);
            }
            return client.query({ name, text, values });
          }) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        wrapped.set(client, facade);
      }
      return facade;
    },
    end: () => pool.end(),
  };
}

/** The result a multi-statement query answers with: its last statement that returned rows. */
function answerOf(results: pg.QueryResult[]): pg.QueryResult | undefined {
  for (let i = results.length - 1; i >= 0; i--) if (results[i]!.fields.length > 0) return results[i];
  return results[results.length - 1];
}
