/**
 * `brandsafe check` over 200 variation files of 500 lines (spawned bin, as CI runs it) against
 * the `eslint` CLI with the closest core rules (no-eval, no-implied-eval, no-new-func,
 * no-restricted-properties for document.write/writeln) — issue 2, "Speed". Wall time, median of
 * RUNS runs each, and files/s. Run: node --import tsx --conditions source scripts/bench/cli.ts
 * (the brandsafe bin runs the built dist/, so `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = 200;
const LINES = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'brandsafe.js');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
const brand = join(root, 'examples', 'northwind', '.brandsafe', 'brand.ttl');

/** One block of ordinary variation code (~25 lines), with the occasional violation. */
function block(i: number): string {
  const bad = i % 7 === 0 ? `  eval('window.__v${i} = 1');\n` : `  window.__v${i} = 1;\n`;
  return `
(function variation${i}() {
  if (window.__applied${i}) return;
  window.__applied${i} = true;
  var utils = window.optimizely.get('utils');
  utils.waitForElement('.product-card__title').then(function (el) {
    el.textContent = 'Free shipping on orders over $${50 + (i % 50)}';
    el.classList.add('bs-variation-${i}');
  });
  var cta = document.querySelector('#add-to-cart');
  if (cta) {
    cta.style.backgroundColor = '#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}';
    cta.setAttribute('data-variation', 'v${i}');
  }
  var items = document.querySelectorAll('.cart-item .price');
  for (var k = 0; k < items.length; k++) {
    items[k].classList.toggle('is-highlighted', k % 2 === 0);
  }
${bad}  var t = setTimeout(function () {
    window.optimizely.push({ type: 'event', eventName: 'variation_${i}_seen' });
  }, ${100 + i});
  document.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('.promo-banner')) clearTimeout(t);
  });
})();
`;
}

function makeFile(n: number): string {
  let text = `// Generated variation ${n} for the CLI benchmark.\n`;
  let i = n * 1000;
  while (text.split('\n').length < LINES) text += block(i++);
  return text.split('\n').slice(0, LINES).join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(args: string[], cwd: string): { ms: number; status: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status, stderr: r.stderr };
}

if (!existsSync(join(root, 'packages', 'cli', 'dist', 'index.js'))) {
  console.error('bench cli: packages/cli/dist is missing; run `npm run build` first.');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'brandsafe-bench-cli-'));
try {
  for (let n = 0; n < FILES; n++) writeFileSync(join(dir, `variation-${String(n).padStart(3, '0')}.js`), makeFile(n));
  writeFileSync(
    join(dir, 'eslint.config.mjs'),
    `export default [{
  files: ['**/*.js'],
  languageOptions: { ecmaVersion: 2024, sourceType: 'script', globals: { window: 'readonly', document: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  rules: {
    'no-eval': 'error',
    'no-implied-eval': 'error',
    'no-new-func': 'error',
    'no-restricted-properties': ['error', { object: 'document', property: 'write' }, { object: 'document', property: 'writeln' }],
  },
}];
`,
  );

  const cases: { name: string; args: string[] }[] = [
    { name: 'brandsafe check (no brand)', args: [bin, 'check', '.', '--format', 'json'] },
    { name: 'brandsafe check (no brand, --concurrency 2)', args: [bin, 'check', '.', '--format', 'json', '--concurrency', '2'] },
    ...(existsSync(brand)
      ? [{ name: 'brandsafe check --brand northwind', args: [bin, 'check', '.', '--format', 'json', '--brand', brand] }]
      : []),
    { name: 'eslint CLI (4 core rules)', args: [eslintBin, '--config', 'eslint.config.mjs', '--format', 'json', '.'] },
  ];
  const startup: { name: string; args: string[] }[] = [
    { name: 'brandsafe --version', args: [bin, '--version'] },
    { name: 'eslint --version', args: [eslintBin, '--version'] },
  ];

  console.log(`${FILES} files × ${LINES} lines, median of ${RUNS} runs (wall time, spawned CLI)\n`);
  console.log('| command | median ms | min ms | files/s |');
  console.log('|---|---:|---:|---:|');
  const medians = new Map<string, number>();
  for (const c of cases) {
    const first = time(c.args, dir); // warm the file cache; also shows whether it ran
    if (first.status !== 0 && first.status !== 1) {
      console.error(`${c.name} failed (exit ${first.status}): ${first.stderr.split('\n')[0]}`);
      continue;
    }
    const runs = Array.from({ length: RUNS }, () => time(c.args, dir).ms);
    const m = median(runs);
    medians.set(c.name, m);
    console.log(`| ${c.name} | ${m.toFixed(0)} | ${Math.min(...runs).toFixed(0)} | ${((FILES / m) * 1000).toFixed(0)} |`);
  }
  console.log('\n| start-up | median ms |\n|---|---:|');
  for (const c of startup) {
    const runs = Array.from({ length: RUNS }, () => time(c.args, dir).ms);
    console.log(`| ${c.name} | ${median(runs).toFixed(0)} |`);
  }
  const theirs = medians.get('eslint CLI (4 core rules)');
  console.log(`\ncores: ${availableParallelism()}; load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [name, ms] of medians) {
    if (theirs && name.startsWith('brandsafe')) console.log(`${name} / eslint wall time: ${(ms / theirs).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
