/**
 * Portal render time (issue 6 "Speed": the dashboard's server render p99 under 20 ms with 10,000
 * generations in the workspace). The app runs in process (`app.request()`, no socket, so the
 * figures are the server's work: session lookup, the dashboard's queries and the HTML), on PGlite
 * and — when DATABASE_URL is set — PostgreSQL. Next to it in the same run, the peer: the same
 * usage data as JSON from `GET /api/v1/billing/usage`, and the static landing page.
 *
 *   node --import tsx --conditions source scripts/bench/portal.ts [--runs 400] [--generations 10000]
 */
import { randomUUID } from 'node:crypto';
import { openTestDatabase } from '@brandsafe/db/testing';
import type { DialectName } from '@brandsafe/db';
import { sql } from 'kysely';
import { loadavg } from 'node:os';
import { createApp } from '../../server/src/app.js';
import { billingServices } from '../../server/src/billing/services.js';
import { dashboardData } from '../../server/src/portal/dashboard.js';
import { dashboardPage } from '../../server/src/portal/views/dashboard.js';
import type { Principal } from '../../server/src/auth/principal.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt('runs', 400);
const GENERATIONS = opt('generations', 10_000);
const STATUSES = ['GENERATED', 'QA_REVIEW', 'APPROVED', 'REJECTED', 'DEPLOYED'] as const;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function bench(dialect: DialectName) {
  const t = await openTestDatabase(dialect);
  try {
    const app = createApp({ db: t.db, ping: t.ping, loadBrand: null, options: { scryptCost: { N: 1024, r: 8, p: 1 } } });
    const signup = await app.request('/api/v1/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-${randomUUID()}@example.test`, password: 'correct horse battery', workspace: 'Bench' }),
    });
    const session = (await signup.json()) as { token: string; workspaceId: string; user: { id: string } };
    const brand = await app.request('/api/v1/brands', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ name: 'Bench brand' }),
    });
    const brandId = ((await brand.json()) as { id: string }).id;
    // Straight into the table as the owner connection: 10,000 generations through the API would
    // hit the trial quota, and the benchmark measures reading them, not making them.
    for (let done = 0; done < GENERATIONS; done += 1000) {
      const rows = Array.from({ length: Math.min(1000, GENERATIONS - done) }, (_, i) => ({
        workspace_id: session.workspaceId, brand_id: brandId, author_id: session.user.id, test_type: 'banner', description: 'bench',
        parameters: JSON.stringify({ message: 'hi' }), provider: 'template', code: 'console.log(1)', status: STATUSES[(done + i) % STATUSES.length]!,
        findings: JSON.stringify([]), confidence: 0.9, attempts: JSON.stringify([]),
      }));
      await t.db.insertInto('generations').values(rows).execute();
    }
    // What autovacuum does after a bulk insert (PostgreSQL ≥ 13 vacuums on inserts too): fresh
    // statistics and the visibility map that lets the per-day counts be index-only scans.
    await sql`VACUUM ANALYZE generations`.execute(t.db);
    const cookie = { cookie: `bs_session=${session.token}` };
    // The dashboard's two halves on their own: its database reads, and the HTML from them.
    const deps = { db: t.db, options: { publicUrl: 'http://127.0.0.1' } } as Parameters<typeof dashboardData>[0];
    const principal: Principal = { kind: 'session', userId: session.user.id, workspaceId: session.workspaceId, role: 'owner', scopes: ['read'], credentialId: randomUUID() };
    const services = billingServices(null, 'http://127.0.0.1');
    const data = await dashboardData(deps, services, principal);
    const user = { email: 'bench@example.test', workspace: 'Bench', role: 'owner', csrf: 'x' };
    const asResponse = async (make: () => Promise<unknown> | unknown) => new Response(String(await make()));
    const scenarios: [string, () => Response | Promise<Response>][] = [
      ['GET /portal (dashboard)', () => app.request('/portal', { headers: cookie })],
      ['  of which: dashboardData (queries)', () => asResponse(async () => JSON.stringify((await dashboardData(deps, services, principal)).byStatus))],
      ['  of which: dashboardPage (HTML)', () => asResponse(() => dashboardPage(user, data, []))],
      ['GET /api/v1/billing/usage (peer: JSON)', () => app.request('/api/v1/billing/usage', { headers: { authorization: `Bearer ${session.token}` } })],
      ['GET / (landing, static)', () => app.request('/')],
    ];
    const rows: string[] = [];
    for (const [name, run] of scenarios) {
      for (let i = 0; i < 30; i++) await (await run()).text();
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const res = await run();
        const body = await res.text();
        times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`${name}: ${res.status} ${body.slice(0, 200)}`);
        bytes = body.length;
      }
      times.sort((a, b) => a - b);
      const cols = [50, 95, 99].map((p) => pct(times, p).toFixed(2).padStart(8)).join(' ');
      rows.push(`${dialect.padEnd(9)} ${name.padEnd(40)} ${cols} ${times.at(-1)!.toFixed(2).padStart(8)} ${String(bytes).padStart(8)}`);
    }
    return rows;
  } finally {
    await t.close();
  }
}

const dialects: DialectName[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
console.log(`portal render, ${GENERATIONS} generations in the workspace, ${RUNS} runs each (ms); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine`);
console.log(`${'dialect'.padEnd(9)} ${'page'.padEnd(40)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'bytes'.padStart(8)}`);
const results: string[] = [];
for (const d of dialects) for (const row of await bench(d)) {
  results.push(row);
  console.log(row);
}
const dash = results.filter((r) => r.includes('GET /portal (dashboard)')).map((r) => Number(r.trim().split(/\s+/).at(-3)));
console.log(`goal (issue 6): dashboard p99 < 20 ms — ${dash.every((p99) => p99 < 20) ? 'met' : 'missed'} (${dash.map((v) => `${v} ms`).join(', ')})`);
