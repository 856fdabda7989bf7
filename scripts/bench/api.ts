/**
 * API throughput (issue 4 "Speed"): autocannon against the server in a child process, 50
 * connections, 10 s per scenario (override: --duration S --connections N --pool N --in-flight N;
 * --only s1,s2 and --targets hello,pglite,postgres narrow the run), on PGlite and — when
 * DATABASE_URL is set — PostgreSQL, next to a hello-world Hono server (the ceiling) in the same
 * run. Request logging is at `warn`, so the figures are the API's work, not log I/O.
 *
 *   node --import tsx --conditions source scripts/bench/api.ts
 *
 * Each PostgreSQL and hello-world server runs as one process and as one per CPU (node:cluster,
 * as `WORKERS=auto npm start`); `--workers N` runs only N.
 *
 * Scenarios:
 *   read-list    GET /api/v1/brands             bearer API token lookup + RLS-scoped read
 *   read-one     GET /api/v1/brands/{id}        one row
 *   write-audit  POST /api/v1/brands            insert + audit event in one transaction
 *   gen-read     GET /api/v1/generations/{id}   a generation with its transitions and corrections
 *   generate     POST /api/v1/generations       template provider: choose, render, check, insert, audit
 *
 * Goals (issue 4): generate ≥ 500 req/s with p99 < 50 ms on PostgreSQL; reads ≥ 40 % of hello.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

type Target = 'hello' | 'pglite' | 'postgres';
interface Ready {
  port: number;
  token?: string;
  brandId?: string;
  generationId?: string;
}

/** The request the generate scenario sends (the Northwind free-shipping banner). */
const GENERATE = { testType: 'banner', description: 'Free shipping banner', parameters: { message: 'Free shipping today' } };

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

/**
 * The app for a target, in this process. `prepare` (once per run: migrate, seed, store one
 * generation) is skipped by cluster workers, which open the prepared schema.
 */
async function appFor(target: Target, prepare: boolean, schema: string | undefined) {
  const { Hono } = await import('hono');
  if (target === 'hello') return { fetch: new Hono().get('/', (c) => c.text('hello')).fetch, ready: {}, cleanup: async () => {} };
  const { createDatabase, migrateToLatest } = await import('@brandsafe/db');
  const { sql } = await import('kysely');
  const { createApp } = await import('../../server/src/app.js');
  const { seedDemo } = await import('../../server/src/seed.js');
  const pino = (await import('pino')).default;
  // The production pool size (main.ts: 10), in a throwaway schema dropped at the end.
  // --in-flight N: group commit's transactions in flight per commit mode (packages/db
  // group-commit.ts); 0 sends every call alone, as before group commit.
  const groupCommit = args.includes('--in-flight') ? { inFlight: opt('in-flight', 2) || Infinity } : {};
  const t = await createDatabase(target === 'postgres' ? { url: process.env.DATABASE_URL, schema, poolSize: opt('pool', 10), groupCommit } : {});
  const app = createApp({ db: t.db, ping: t.ping, logger: pino({ level: 'warn' }) });
  // Requests still being handled when a scenario ends (autocannon closes its sockets, the
  // handlers go on): the schema is dropped only after they finish.
  let inFlight = 0;
  const fetch = async (req: Request, ...rest: unknown[]) => {
    inFlight++;
    try {
      return await (app.fetch as (req: Request, ...rest: unknown[]) => Response | Promise<Response>)(req, ...rest);
    } finally {
      inFlight--;
    }
  };
  let ready: Omit<Ready, 'port'> = {};
  if (prepare) {
    await migrateToLatest(t.db, { schema });
    const demo = await seedDemo(t.db, { scryptCost: { N: 1024, r: 8, p: 1 } });
    const brandId = demo.brand && 'id' in demo.brand ? demo.brand.id : undefined;
    const res = await app.request('/api/v1/generations', {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ brandId, ...GENERATE }),
    });
    if (res.status !== 201) throw new Error(`seeding a generation failed: ${res.status} ${await res.text()}`);
    const generationId = ((await res.json()) as { id: string }).id;
    ready = { token: demo.apiToken, generationId, ...(brandId ? { brandId } : {}) };
  }
  const cleanup = async () => {
    for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    if (schema && prepare) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(t.db);
    await t.close();
  };
  return { fetch, ready, cleanup };
}

async function serveChild(target: Target): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const workers = target === 'pglite' ? 1 : opt('child-workers', 1);
  const cluster = (await import('node:cluster')).default;
  if (workers > 1 && cluster.isPrimary) {
    // --workers N: N server processes sharing one port (node:cluster), as `WORKERS=N npm start`.
    const schema = target === 'postgres' ? `bs_bench_${process.pid}` : undefined;
    const prepared = await appFor(target, true, schema);
    const port = await new Promise<number>((resolve) => {
      const probe = serve({ fetch: prepared.fetch, port: 0, hostname: '127.0.0.1' }, (info) => probe.close(() => resolve(info.port)));
    });
    let listening = 0;
    const forked = Array.from({ length: workers }, () => cluster.fork({ BENCH_PORT: String(port), BENCH_SCHEMA: schema ?? '' }));
    for (const w of forked) {
      w.on('message', () => {
        if (++listening === workers) process.stdout.write(JSON.stringify({ port, ...prepared.ready }) + '\n');
      });
    }
    onStop(() => {
      for (const w of forked) if (!w.isDead()) w.kill('SIGTERM');
      void Promise.all(forked.map((w) => (w.isDead() ? undefined : new Promise((r) => w.once('exit', r))))).then(() => prepared.cleanup()).finally(() => process.exit(0));
    });
    return;
  }
  if (cluster.isWorker) {
    const { fetch, cleanup } = await appFor(target, false, process.env.BENCH_SCHEMA || undefined);
    const server = serve({ fetch, port: Number(process.env.BENCH_PORT), hostname: '127.0.0.1' }, () => process.send?.('listening'));
    onStop(() => server.close(() => void cleanup().finally(() => process.exit(0))));
    return;
  }
  const { fetch, ready, cleanup } = await appFor(target, true, target === 'postgres' ? `bs_bench_${process.pid}` : undefined);
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(JSON.stringify({ port: info.port, ...ready }) + '\n');
  });
  onStop(() => server.close(() => void cleanup().finally(() => process.exit(0))));
}

/**
 * Runs `stop` once on SIGTERM (the parent ending a run) or SIGINT (Ctrl-C reaches the whole
 * process group), so an interrupted run still drops its throwaway schema.
 */
function onStop(stop: () => void): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    stop();
  };
  process.on('SIGTERM', once);
  process.on('SIGINT', once);
}

function startChild(target: Target, workers: number): Promise<{ child: ChildProcess; ready: Ready }> {
  // BENCH_NODE_FLAGS: extra node flags for the server child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', '--conditions', 'source', fileURLToPath(import.meta.url), '--serve', target, '--child-workers', String(workers), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    // The ready line is the JSON object with the port; anything else the child prints on stdout
    // (a V8 flag's trace from BENCH_NODE_FLAGS, say) is passed on, not taken for it.
    const onLine = (line: string) => {
      const ready = readyLine(line);
      if (!ready) return void process.stderr.write(`${line}\n`);
      lines.off('line', onLine);
      lines.on('line', (rest) => process.stderr.write(`${rest}\n`));
      resolve({ child, ready });
    };
    lines.on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
}

function readyLine(line: string): Ready | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as Partial<Ready>;
    return typeof value.port === 'number' ? (value as Ready) : undefined;
  } catch {
    return undefined;
  }
}

interface Row {
  target: Target;
  workers: number;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  /** Non-2xx responses by status code, e.g. `429×12496`. */
  statuses: string;
}

/** `--only a,b` runs only those scenarios (and `--targets hello,postgres` only those targets). */
const only = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? new Set((args[i + 1] ?? '').split(',')) : undefined;
};

async function loadOne(target: Target, workers: number, scenario: string, opts: autocannon.Options): Promise<Row | undefined> {
  if (scenario !== 'hello-world' && only('only') && !only('only')?.has(scenario)) return undefined;
  const r = await autocannon({ connections: opt('connections', 50), duration: opt('duration', 10), ...opts });
  const stats = (r as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const statuses = Object.entries(stats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${code}×${count}`)
    .concat(r.errors + r.timeouts > 0 ? [`errors×${r.errors + r.timeouts}`] : [])
    .join(', ');
  return { target, workers, scenario, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts, statuses };
}

async function run(): Promise<void> {
  const all: Target[] = ['hello', 'pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  const asked = only('targets');
  const unknown = [...(asked ?? [])].filter((t) => !['hello', 'pglite', 'postgres'].includes(t));
  if (unknown.length > 0) {
    console.error(`bench api: --targets takes hello, pglite and postgres; unknown: ${unknown.join(', ')}`);
    process.exit(2);
  }
  // Asking for PostgreSQL without saying where it is used to run the other targets and print
  // nothing for it, which read like a result.
  if (asked?.has('postgres') && !process.env.DATABASE_URL) {
    console.error('bench api: --targets postgres needs DATABASE_URL (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
    process.exit(2);
  }
  const targets = all.filter((t) => asked?.has(t) ?? true);
  // Server processes: one, and one per CPU (WORKERS=auto) where the target can run several
  // (PGlite is embedded in one process); `--workers N` runs only N.
  const { availableParallelism } = await import('node:os');
  const counts = args.includes('--workers') ? [opt('workers', 1)] : [...new Set([1, availableParallelism()])];
  const runs = targets.flatMap((target): { target: Target; workers: number }[] => (target === 'pglite' ? [{ target, workers: 1 }] : counts.map((workers) => ({ target, workers }))));
  const rows: Row[] = [];
  const push = (row: Row | undefined) => void (row && rows.push(row));
  for (const { target, workers } of runs) {
    const { child, ready } = await startChild(target, workers);
    const load = (scenario: string, opts: autocannon.Options) => loadOne(target, workers, scenario, opts);
    const base = `http://127.0.0.1:${ready.port}`;
    try {
      if (target === 'hello') {
        push(await load('hello-world', { url: `${base}/` }));
        continue;
      }
      const headers = { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' };
      const generateBody = JSON.stringify({ brandId: ready.brandId, ...GENERATE });
      // Warm-up (JIT, connection pool, caches), not measured.
      await autocannon({ url: `${base}/api/v1/brands`, headers, connections: 10, duration: 2 });
      await autocannon({ url: `${base}/api/v1/generations`, method: 'POST', headers, body: generateBody, connections: 10, duration: 2 });
      push(await load('read-list', { url: `${base}/api/v1/brands`, headers }));
      push(await load('read-one', { url: `${base}/api/v1/brands/${ready.brandId}`, headers }));
      let n = 0;
      push(
        await load('write-audit', {
          url: `${base}/api/v1/brands`,
          method: 'POST',
          headers,
          requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ name: `bench-${process.pid}-${n++}` }) }) }],
        }),
      );
      push(await load('gen-read', { url: `${base}/api/v1/generations/${ready.generationId}`, headers }));
      push(await load('generate', { url: `${base}/api/v1/generations`, method: 'POST', headers, body: generateBody }));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
  // The ceiling: the faster hello-world configuration of this run.
  // Undefined when --targets left hello-world out: no percentages, and no verdict on reads.
  const hellos = rows.filter((r) => r.target === 'hello').map((r) => r.rps);
  const ceiling = hellos.length ? Math.max(...hellos) : undefined;
  const ofHello = (rps: number) => (ceiling ? `${((rps / ceiling) * 100).toFixed(0)} %` : 'n/a (hello-world not run)');
  const { loadavg, cpus } = await import('node:os');
  console.log(`\nconnections ${opt('connections', 50)}, ${opt('duration', 10)} s per scenario, server in a child process;`);
  console.log(`${cpus().length} CPUs, load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures scale with other work on the machine)\n`);
  console.log('target    workers scenario       req/s   p50 ms  p99 ms  non-2xx  % of hello');
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(9)} ${String(r.workers).padStart(7)} ${r.scenario.padEnd(12)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.bad).padStart(8)} ${(ceiling ? `${((r.rps / ceiling) * 100).toFixed(0)}%` : '—').padStart(11)}${r.statuses ? `  (${r.statuses})` : ''}`,
    );
  }
  // Issue 4's goals, judged on this run, for each PostgreSQL configuration (the ceiling is the
  // best hello-world of the run, whichever worker count gave it).
  // A scenario with failed responses is never "met": refusals (a 429) are fast and would flatter
  // both req/s and latency.
  const verdict = (ok: boolean, row?: Row) => (row && row.bad > 0 ? `MISSED (${row.bad} non-2xx responses: ${row.statuses})` : ok ? 'met' : 'MISSED');
  console.log(`\nceiling (best hello-world of this run): ${ceiling ? `${ceiling.toFixed(0)} req/s` : 'not measured (add hello to --targets)'}`);
  for (const workers of counts) {
    const gen = rows.find((r) => r.target === 'postgres' && r.workers === workers && r.scenario === 'generate');
    const read = rows.find((r) => r.target === 'postgres' && r.workers === workers && r.scenario === 'gen-read');
    if (gen) console.log(`goal, ${workers} worker(s): PostgreSQL generate >= 500 req/s with p99 < 50 ms: ${gen.rps.toFixed(0)} req/s, p99 ${gen.p99} ms — ${verdict(gen.rps >= 500 && gen.p99 < 50, gen)}`);
    if (read) console.log(`goal, ${workers} worker(s): reads >= 40 % of hello: GET generation ${ofHello(read.rps)}${ceiling ? ` — ${verdict(read.rps >= 0.4 * ceiling, read)}` : ''}`);
  }
}

const serveIndex = args.indexOf('--serve');
if (serveIndex >= 0) await serveChild(args[serveIndex + 1] as Target);
else await run();
