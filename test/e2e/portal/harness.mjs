// Process and reporting helpers of the portal browser test (run.mjs): numbered steps with a
// pass/fail line each, free ports, Debian chromium, child processes that signal readiness.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const CHROMIUM = '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const counts = { passed: 0, failed: 0 };
export const children = [];

/** Runs one named step; a failure is reported with its message and the run continues. */
export async function step(name, fn) {
  try {
    await fn();
    counts.passed++;
    console.log(`  ✓ ${name}`);
  } catch (err) {
    counts.failed++;
    console.log(`  ✗ ${name}\n      ${String(err?.stack ?? err).split('\n').slice(0, 4).join('\n      ')}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log('  installing Debian chromium (apt-get)…');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}

/** Spawns a process and resolves once `ready(output)` holds; keeps all output in `log.text`. */
export function start(root, name, args, env, ready) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const log = { text: '' };
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log.text.slice(-2000)}`)), 120_000);
    const onData = (chunk) => {
      log.text += chunk.toString();
      if (ready(log.text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited ${code}:\n${log.text.slice(-2000)}`));
    });
  });
  return { child, log, done };
}

export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Polls `fn` until it returns a truthy value (the webhook arrives asynchronously). */
export async function until(fn, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
