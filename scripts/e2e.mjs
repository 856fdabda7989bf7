#!/usr/bin/env node
// `npm run test:e2e`: runs every end-to-end suite test/e2e/<suite>/run.mjs (real VS Code, Neovim,
// Chromium), each of which installs what it needs and prints a closing "N passed, N failed" line.
// Sums those lines into one closing line; exits non-zero if any suite failed or printed no summary.
import { existsSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const e2eDir = join(root, 'test', 'e2e');
const only = process.argv.slice(2);
const suites = existsSync(e2eDir)
  ? readdirSync(e2eDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(e2eDir, d.name, 'run.mjs')))
      .map((d) => d.name)
      .filter((name) => only.length === 0 || only.includes(name))
      .sort()
  : [];

const SUMMARY = /^(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

function runSuite(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(e2eDir, name, 'run.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let last;
    let buf = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        const m = SUMMARY.exec(line.trim());
        if (m) last = { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) };
      }
    });
    child.on('close', (code) => {
      const m = SUMMARY.exec(buf.trim());
      if (m) last = { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) };
      resolve({ name, code, summary: last });
    });
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = 0;
for (const name of suites) {
  console.log(`\n=== e2e: ${name} ===`);
  const started = Date.now();
  const r = await runSuite(name);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!r.summary) {
    broken++;
    console.log(`e2e: ${name} printed no summary line (exit ${r.code}) after ${secs}s`);
    continue;
  }
  passed += r.summary.passed;
  failed += r.summary.failed;
  skipped += r.summary.skipped;
  if (r.code !== 0 && r.summary.failed === 0) broken++;
  console.log(`e2e: ${name}: ${r.summary.passed} passed, ${r.summary.failed} failed (exit ${r.code}, ${secs}s)`);
}
if (suites.length === 0) console.log('e2e: no suites found under test/e2e/');
console.log(`\n${passed} passed, ${failed + broken} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed + broken > 0 ? 1 : 0);
