/**
 * Benchmark of the audit log in the database (issue 5, "Speed"):
 *  1. append + integrate: events/s sustained while appenders write and one integrator sequences
 *     them (batches, signed heads), on PGlite and PostgreSQL, with p50/p99 time from an event's
 *     commit to its inclusion in a signed head — at full load, and at a steady offered load;
 *  2. inclusion proofs for leaves of a 1,000,000-leaf log served from the database (tree nodes
 *     bulk-loaded), p50/p99, both the bare node query and the scoped transaction the API runs;
 *  3. node's raw SHA-256 rate in the same run (the physical limit: ~2 hashes per leaf).
 * Peers printed for reference: Tessera ~3,000 writes/s (cloud, 100 Spanner units), Trillian
 * ~60–65/s on MySQL (figures from issue 5).
 *
 * Run: node --import tsx --conditions source scripts/bench/audit-log.ts
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a
 * throwaway schema dropped at the end. BENCH_EVENTS (default 100000 PG / 20000 PGlite),
 * BENCH_PROOF_LEAVES (default 1000000), BENCH_SKIP_PGLITE_1M=1 skips the PGlite million.
 */
import { createHash, hash, randomBytes, randomUUID } from 'node:crypto';
import { CompactRange, generateLogKeyPair, type NodeRecord, hashLeaf, inclusionProof, logId, verifyInclusion } from '@brandsafe/audit';
import { appendAuditLeaves, createDatabase, migrateToLatest, withoutWorkspace, type AuditDb, type DatabaseConnection, type DialectName } from '@brandsafe/db';
import { sql } from 'kysely';
import { AuditIntegrator, type IntegratorOptions, type LogSigner } from '../../server/src/audit/integrator.js';
import { dbHashSource } from '../../server/src/audit/store.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PROOF_LEAVES = Number(process.env.BENCH_PROOF_LEAVES ?? 1_000_000);
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (sorted: Float64Array | number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signer(): LogSigner {
  const { privateKey, publicKey } = generateLogKeyPair();
  return { origin: 'bench.brandsafe/audit/v1', privateKey, publicKey, logId: logId(publicKey) };
}

async function open(dialect: DialectName): Promise<DatabaseConnection & { dispose(): Promise<void> }> {
  const schema = dialect === 'postgres' ? `bs_audit_bench_${randomBytes(5).toString('hex')}` : undefined;
  const conn = await createDatabase(dialect === 'postgres' ? { url: PG_URL, schema, poolSize: 6 } : {});
  await migrateToLatest(conn.db, { schema });
  return {
    ...conn,
    async dispose() {
      if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(conn.db);
      await conn.close();
    },
  };
}

async function workspace(db: AuditDb): Promise<string> {
  const id = randomUUID();
  await sql`INSERT INTO workspaces (id, name, slug) VALUES (${id}, 'Bench', ${`bench-${id.slice(0, 8)}`})`.execute(db);
  return id;
}

/**
 * Appenders insert `total` events in statements of `batch` rows (at `rate` events/s when given);
 * the integrator polls as in production. Latency: commit of an event's batch → the signed head
 * that first covers it (appenders commit in seq order, so coverage is by count).
 */
async function appendAndIntegrate(db: AuditDb, options: { total: number; batch: number; rate?: number; integrator: Partial<IntegratorOptions> }) {
  const ws = await workspace(db);
  const integrator = new AuditIntegrator(db, signer(), options.integrator);
  const commits: { count: number; at: number }[] = [];
  const latencies: number[] = [];
  let appended = 0;
  let covered = 0;
  let heads = 0;
  let done = false;
  const started = performance.now();
  const integrate = (async () => {
    while (!done || covered < options.total) {
      const r = await integrator.integrate();
      if (r.head) {
        heads += 1;
        const now = performance.now();
        while (commits.length > 0 && commits[0]!.count <= r.head.treeSize) {
          const c = commits.shift()!;
          for (let i = covered; i < c.count; i += 1) latencies.push(now - c.at);
          covered = c.count;
        }
      }
      if (r.appended === 0) await sleep(options.integrator.pollMs ?? 200);
    }
  })();
  // One appender: commits land in seq order, so a head of size S covers the first S events.
  while (appended < options.total) {
    const n = Math.min(options.batch, options.total - appended);
    if (options.rate) {
      const wait = started + ((appended + n) / options.rate) * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await sql`INSERT INTO audit_events (workspace_id, type, actor, payload)
      SELECT ${ws}, 'generation.approved', 'user:bench', jsonb_build_object('i', g, 'note', 'approved after review')
      FROM generate_series(1, ${n}) AS g`.execute(db);
    appended += n;
    commits.push({ count: appended, at: performance.now() });
  }
  done = true;
  await integrate;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: options.total / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), heads };
}

/** Bulk-loads a tree of `n` random leaves (leaves + complete subtrees) straight into the tables. */
async function loadTree(db: AuditDb, n: number): Promise<{ root: Uint8Array; leafHash: (i: number) => Uint8Array; seconds: number }> {
  const started = performance.now();
  const range = CompactRange.empty();
  const hashes: Uint8Array[] = [];
  const ws = randomUUID();
  const chunk = 20_000;
  for (let start = 0; start < n; start += chunk) {
    const leaves: { eventId: string; workspaceId: string; leafHash: Uint8Array }[] = [];
    const nodes: NodeRecord[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i += 1) {
      const h = hashLeaf(randomBytes(16));
      hashes.push(h);
      for (const node of range.append(h)) if (node.level > 0) nodes.push(node);
      leaves.push({ eventId: randomUUID(), workspaceId: ws, leafHash: h });
    }
    await db.transaction().execute(async (trx) => {
      await appendAuditLeaves(trx, { startIndex: start, leaves, nodes, dequeue: [] });
    });
  }
  await sql`ANALYZE audit_tree_nodes`.execute(db);
  await sql`ANALYZE audit_log_leaves`.execute(db);
  return { root: range.root(), leafHash: (i) => hashes[i]!, seconds: (performance.now() - started) / 1000 };
}

async function proofLatency(db: AuditDb, n: number, samples: number, scoped: boolean, check: { root: Uint8Array; leafHash: (i: number) => Uint8Array }) {
  const times = new Float64Array(samples);
  for (let s = -50; s < samples; s += 1) {
    const index = Math.floor(Math.random() * n);
    const t0 = performance.now();
    const proof = scoped
      ? await withoutWorkspace(db, (trx) => inclusionProof(dbHashSource(trx), index, n))
      : await inclusionProof(dbHashSource(db), index, n);
    const dt = performance.now() - t0;
    if (s >= 0) times[s] = dt;
    if (s % 100 === 0) verifyInclusion(check.leafHash(index), index, n, proof, check.root);
  }
  times.sort();
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

async function main() {
  // Raw SHA-256 over 64-byte inputs (an interior node: two child hashes).
  const input = randomBytes(65);
  let count = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    for (let i = 0; i < 10_000; i += 1) createHash('sha256').update(input).digest();
    count += 10_000;
  }
  const shaRate = (count / (performance.now() - t0)) * 1000;
  row('node SHA-256, createHash (65-byte input)', `${fmt(shaRate)} hashes/s`, `≈ ${fmt(shaRate / 2)} leaves/s tree-build limit`);
  count = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 1000) {
    for (let i = 0; i < 10_000; i += 1) hash('sha256', input, 'buffer');
    count += 10_000;
  }
  const oneShot = (count / (performance.now() - t1)) * 1000;
  row('node SHA-256, crypto.hash one-shot', `${fmt(oneShot)} hashes/s`, `≈ ${fmt(oneShot / 2)} leaves/s tree-build limit`);

  for (const dialect of ['pglite', 'postgres'] as const) {
    let conn;
    try {
      conn = await open(dialect);
    } catch (err) {
      row(`${dialect}: unavailable`, (err as Error).message, '');
      continue;
    }
    try {
      const total = Number(process.env.BENCH_EVENTS ?? (dialect === 'postgres' ? 100_000 : 20_000));
      const full = await appendAndIntegrate(conn.db, { total, batch: 1000, integrator: { batchSize: 5000, headEvery: 10_000, headIntervalMs: 500, pollMs: 50 } });
      row(`${dialect}: append+integrate, max (${fmt(total)} events)`, `${fmt(full.rate)} events/s`, 'goal ≥ 10,000/s (PG); Tessera ~3,000/s, Trillian ~60/s');
      const offered = dialect === 'postgres' ? 10_000 : 2_000;
      const sustained = await appendAndIntegrate(conn.db, { total: offered * 5, batch: 100, rate: offered, integrator: { batchSize: 5000, pollMs: 100 } });
      row(`${dialect}: commit → signed head at ${fmt(offered)} events/s offered`, `p50 ${fmt(sustained.p50)} ms, p99 ${fmt(sustained.p99)} ms`, `${fmt(sustained.rate)} events/s over the run; goal p99 < 1 s`);
      const steadyRate = dialect === 'postgres' ? 1000 : 200;
      const steady = await appendAndIntegrate(conn.db, { total: steadyRate * 5, batch: 10, rate: steadyRate, integrator: {} });
      row(`${dialect}: commit → signed head at ${fmt(steadyRate)}/s, default settings`, `p50 ${fmt(steady.p50)} ms, p99 ${fmt(steady.p99)} ms`, 'poll 200 ms, head every 500 ms / 10,000 events');

      if (dialect === 'pglite' && process.env.BENCH_SKIP_PGLITE_1M) continue;
      await sql`TRUNCATE audit_log_leaves, audit_tree_nodes, audit_tree_heads`.execute(conn.db);
      const loaded = await loadTree(conn.db, PROOF_LEAVES);
      row(`${dialect}: bulk-load ${fmt(PROOF_LEAVES)}-leaf tree`, `${fmt(loaded.seconds, 1)} s`, `${fmt(PROOF_LEAVES / loaded.seconds)} leaves/s`);
      const bare = await proofLatency(conn.db, PROOF_LEAVES, 2000, false, loaded);
      row(`${dialect}: inclusion proof, ${fmt(PROOF_LEAVES)} leaves (one query)`, `p50 ${fmt(bare.p50, 2)} ms, p99 ${fmt(bare.p99, 2)} ms`, 'goal p99 < 5 ms');
      const scoped = await proofLatency(conn.db, PROOF_LEAVES, 2000, true, loaded);
      row(`${dialect}: inclusion proof, ${fmt(PROOF_LEAVES)} leaves (scoped tx as the API)`, `p50 ${fmt(scoped.p50, 2)} ms, p99 ${fmt(scoped.p99, 2)} ms`, 'BEGIN, set role, query, COMMIT');
    } finally {
      await conn.dispose();
    }
  }

  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padEnd(width[c]!)).join('  ')}\n`);
}

await main();
