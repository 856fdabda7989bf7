import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const url = process.env.DATABASE_URL;

/** WORKERS=N: the real server process (main.ts) with its workers, on PostgreSQL only. */
(url ? describe : describe.skip)('server with WORKERS=2 (postgres)', () => {
  // A database of its own: main.ts migrates the database it is given, as in production.
  const name = `bs_workers_${randomBytes(4).toString('hex')}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(query).finally(() => c.end());
  };
  before(() => admin(`create database ${name}`));
  after(() => admin(`drop database if exists ${name} with (force)`));

  it('migrates once, serves from two worker processes on one port, and drains them on SIGTERM', async function () {
    this.timeout(60_000);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions', 'source', MAIN], {
      env: { ...process.env, DATABASE_URL: dbUrl.href, WORKERS: '2', PORT: '0', SEED_DEMO: 'true', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /listening on (http:\S+)/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    });
    // The workers are the primary's children running main.ts (tsx may also run an esbuild child).
    const workers = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'main\\.ts']).toString().trim().split('\n');
    assert.equal(workers.length, 2, 'two worker processes');
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${base}/readyz`, { headers: { connection: 'close' } });
      assert.equal(res.status, 200);
    }
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `w-${name}@example.com`, password: 'correct horse battery', workspace: 'Workers' }),
    });
    assert.equal(signup.status, 201, await signup.clone().text());
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  });
});
