#!/usr/bin/env node
// End-to-end: Debian's Neovim (0.7.2, headless) as an independent LSP client of brandsafe-lsp.
// Opens an example variation, asserts brandsafe's diagnostics, applies a quick fix and asserts the
// re-check. Installs neovim with apt-get when missing. Prints "N passed, N failed" last.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

function ensureNeovim() {
  if (spawnSync('sh', ['-c', 'command -v nvim'], { stdio: 'ignore' }).status === 0) return;
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'neovim'], { stdio: 'inherit' });
}

/** Runs one case in a fresh headless Neovim; returns the JSON the Lua client wrote. */
function runCase(workspace, testCase) {
  const output = join(workspace, `result-${testCase.name.replace(/\W+/g, '-')}.json`);
  const config = {
    file: join(workspace, testCase.file),
    root: workspace,
    cmd: [process.execPath, '--import', 'tsx', '--conditions', 'source', join(root, 'lsp', 'src', 'main.ts'), '--stdio'],
    expect_code: testCase.expectCode,
    fix_title: testCase.fixTitle,
    timeout_ms: 20000,
    output,
  };
  const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', join(here, 'client.lua')], {
    cwd: root,
    env: { ...process.env, BRANDSAFE_NVIM_CONFIG: JSON.stringify(config), XDG_STATE_HOME: workspace, XDG_DATA_HOME: workspace },
    encoding: 'utf8',
    timeout: 60000,
  });
  try {
    return JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    return { ok: false, error: `neovim wrote no result (exit ${run.status}): ${run.stderr || run.stdout}` };
  }
}

ensureNeovim();
const workspace = mkdtempSync(join(tmpdir(), 'brandsafe-nvim-'));
cpSync(join(root, 'examples', 'northwind'), workspace, { recursive: true });
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
try {
  for (const testCase of CASES) {
    console.log(`neovim: ${testCase.name}`);
    if (testCase.text !== undefined) {
      mkdirSync(dirname(join(workspace, testCase.file)), { recursive: true });
      writeFileSync(join(workspace, testCase.file), testCase.text);
    }
    const r = runCase(workspace, testCase);
    const expected = (r.before ?? []).filter((d) => d.code === testCase.expectCode);
    check('publishes the expected brandsafe diagnostic', expected.length > 0 && expected.every((d) => d.source === 'brandsafe'), r.error ?? JSON.stringify(r.before));
    check('offers the quick fix', (r.actions ?? []).some((t) => t.includes(testCase.fixTitle)), JSON.stringify(r.actions));
    check('applying the fix changes the text and clears that diagnostic', r.ok === true && r.fixed === true, r.error ?? JSON.stringify(r.after));
    if (testCase.expectText) check('the fixed text is as expected', testCase.expectText(r.text ?? ''), r.text);
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
