#!/usr/bin/env node
// End-to-end (issue 5, "Done when"): the real server process on PGlite and the real `brandsafe`
// CLI. Receipts served by the running server verify with `brandsafe verify` and with an
// independent RFC 9162 §2.1.3.2 verifier written below from the RFC text (node:crypto only);
// an altered receipt fails with the check named; the compliance export verifies; `brandsafe audit
// monitor` sees the log grow consistently across a server restart. Prints "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'brandsafe-audit-e2e-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
const tsx = ['--import', 'tsx', '--conditions', 'source'];

let passed = 0;
let failed = 0;
const check = (name, condition, detail) => {
  if (condition) {
    passed++;
    console.log(`  ✓ ${name}`);
  } else {
    failed++;
    console.log(`  ✗ ${name}${detail ? `\n      ${detail}` : ''}`);
  }
};

/** Starts the server; resolves with the process and the demo API token once it listens. */
function startServer() {
  const child = spawn(process.execPath, [...tsx, join(root, 'server', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: join(work, 'data'), LOG_LEVEL: 'warn', AUDIT_TAMPER_CHECK_SECONDS: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (chunk) => {
      out += chunk.toString();
      const token = /bsp_[A-Za-z0-9_-]+/.exec(out)?.[0];
      if (out.includes('listening on') && token) {
        clearTimeout(timer);
        resolve({ child, token });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

async function stopServer(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function cli(...args) {
  // cwd is the repository (where tsx resolves); files are named relative to the work folder.
  const abs = args.map((a) => (/\.(json|pem)$/.test(a) ? join(work, a) : a));
  const r = spawnSync(process.execPath, [...tsx, join(root, 'packages', 'cli', 'src', 'main.ts'), ...abs], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const get = async (path, token, accept = 'application/json') => {
  const res = await fetch(`${base}${path}`, { headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return accept === 'application/json' ? res.json() : res.text();
};

/** RFC 9162 §2.1.3.2, step by step, independent of @brandsafe/audit. */
function rfc9162Inclusion(receipt) {
  const sha = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
  const leafHash = sha(Buffer.from([0]), Buffer.from(receipt.leaf, 'base64'));
  if (leafHash.toString('hex') !== receipt.leafHash) return false;
  let fn = receipt.leafIndex;
  let sn = receipt.checkpoint.treeSize - 1;
  if (fn > sn) return false;
  let r = leafHash;
  for (const hex of receipt.inclusionProof) {
    const p = Buffer.from(hex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha(Buffer.from([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = sha(Buffer.from([1]), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const noteRoot = Buffer.from(receipt.checkpoint.note.split('\n')[2], 'base64');
  return sn === 0 && r.equals(noteRoot) && r.toString('hex') === receipt.checkpoint.rootHash;
}

let server;
try {
  console.log('audit log end-to-end (server on PGlite + brandsafe CLI)');
  server = await startServer();
  writeFileSync(join(work, 'log-key.pem'), await get('/.well-known/brandsafe-log-key', undefined, 'application/x-pem-file'));
  const events = await get('/api/v1/audit/events?limit=5', server.token);
  check('lists the demo workspace events', Array.isArray(events.items) && events.items.length >= 3, JSON.stringify(events).slice(0, 300));
  const receipt = await get(`/api/v1/audit/receipts/${events.items[2].id}`, server.token);
  writeFileSync(join(work, 'receipt.json'), JSON.stringify(receipt));
  const ok = cli('verify', 'receipt.json', '--key', 'log-key.pem');
  check('brandsafe verify accepts a receipt from the running server', ok.code === 0 && /verified: event/.test(ok.out), ok.out + ok.err);
  check('an independent RFC 9162 §2.1.3.2 verifier accepts the same inclusion proof', rfc9162Inclusion(receipt));
  writeFileSync(join(work, 'altered.json'), JSON.stringify({ ...receipt, event: { ...receipt.event, type: 'generation.rejected' } }));
  const bad = cli('verify', 'altered.json', '--key', 'log-key.pem');
  check('brandsafe verify names the failed check of an altered receipt (exit 1)', bad.code === 1 && /FAILED canonical-bytes/.test(bad.out), bad.out);

  const first = cli('audit', 'monitor', '--url', base, '--state', 'monitor.json', '--key', 'log-key.pem');
  check('brandsafe audit monitor records the first verified head', first.code === 0, first.out + first.err);
  const range = `from=${encodeURIComponent('2000-01-01T00:00:00Z')}&to=${encodeURIComponent('2100-01-01T00:00:00Z')}`;
  writeFileSync(join(work, 'export.json'), await get(`/api/v1/audit/export?${range}`, server.token, 'application/json').then(JSON.stringify));
  const exp = cli('verify', 'export.json', '--key', 'log-key.pem');
  check('the compliance export verifies with the key alone', exp.code === 0 && /verified: \d+ receipts/.test(exp.out), exp.out + exp.err);

  await stopServer(server.child);
  server = await startServer(); // the restart appends a demo token event
  const after = cli('audit', 'monitor', '--url', base, '--state', 'monitor.json', '--key', 'log-key.pem');
  check('after a restart the new head is consistent with the old one', after.code === 0 && /consistent|unchanged/.test(after.out), after.out + after.err);
  const newer = await get(`/api/v1/audit/receipts/${events.items[2].id}`, server.token);
  check('a receipt after the restart proves into a larger tree', newer.checkpoint.treeSize >= receipt.checkpoint.treeSize && rfc9162Inclusion(newer));
} catch (err) {
  check('run', false, err.stack ?? String(err));
} finally {
  if (server) await stopServer(server.child).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
