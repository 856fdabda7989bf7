/**
 * Checker speed: brandsafe check() vs ESLint 9 (Node API, `Linter`) with the closest core rules
 * (no-eval, no-implied-eval, no-new-func, no-restricted-properties for document.write/writeln),
 * on a generated realistic variation file of 500 and of 5,000 lines. Warm, median of 20, in the
 * same run. Goal (issue 2): brandsafe at most one third of ESLint's time on both files.
 *
 * Run: node --import tsx --conditions source scripts/bench/checker.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Brand } from '@brandsafe/brand-kit';
import { check, forgetLastParse } from '@brandsafe/rules';
import { Linter } from 'eslint';

const RUNS = 20;
const WARMUP = 5;

/** One block of typical Optimizely variation code (~25 lines), varied by index. */
function block(i: number): string {
  return `
// Variation block ${i}: badge next to the price, tracked click, deferred styling
(function variation${i}() {
  if (document.querySelector('.exp-badge-${i}')) return;
  utils.waitForElement('.pdp__price').then(function (price) {
    var badge = document.createElement('span');
    badge.className = 'exp-badge-${i}';
    badge.textContent = 'Save ' + (${i % 30} + 5) + '% today';
    price.insertAdjacentElement('afterend', badge);
    var title = document.querySelector('[data-testid="add-to-cart-button"]');
    if (title && title.matches('[data-testid="add-to-cart-button"]')) {
      title.addEventListener('click', function () {
        window.optimizely.push({ type: 'event', eventName: 'badgeClick${i}', tags: { block: ${i} } });
      });
    }
    var style = document.createElement('style');
    style.textContent = '.exp-badge-${i} { color: #b00; margin-left: 8px; font-weight: 600 }';
    document.head.appendChild(style);
  });
  var observer = new MutationObserver(function (records, obs) {
    if (document.querySelector('.pdp__title')) obs.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  var t = setTimeout(function () { observer.disconnect(); }, ${1000 + i});
  setTimeout(function () { clearTimeout(t); }, ${2000 + i});
})();`;
}

/** Whole blocks up to the line count, then short statements to hit it exactly (so the file parses). */
function generate(lines: number): string {
  const out: string[] = ["'use strict';", "var utils = window.optimizely.get('utils');"];
  for (let i = 0; ; i++) {
    const next = block(i).split('\n');
    if (out.length + next.length > lines) break;
    out.push(...next);
  }
  for (let k = 0; out.length < lines; k++) out.push(`var exp_pad_${k} = ${k};`);
  return out.join('\n') + '\n';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * Medians of each contender, measured interleaved (A, B, C, A, B, C, …) so that load from other
 * processes on a shared machine affects all of them alike.
 */
function timeInterleaved(fns: Array<() => unknown>): number[] {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) fn();
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((fn, k) => {
      const t0 = process.hrtime.bigint();
      fn();
      samples[k]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return samples.map(median);
}

/** A brand built from the Northwind approved-selector list the examples ship. */
function northwindBrand(): Brand {
  const list = JSON.parse(readFileSync(new URL('../../examples/northwind/snapshots/selectors.json', import.meta.url), 'utf8')) as Array<{ css: string; pageTypes: string[]; stability: Brand['selectors'][number]['stability'] }>;
  return {
    iri: 'urn:bench:northwind',
    id: 'northwind',
    name: 'Northwind Outfitters',
    domains: ['www.northwind.example'],
    pageTypes: [],
    selectors: list.map((s, i) => ({ iri: `urn:bench:s${i}`, id: `s${i}`, css: s.css, pageTypes: s.pageTypes, stability: s.stability })),
    rules: [
      { iri: 'urn:bench:r1', id: 'r1', kind: 'forbidden-call', severity: 'error', message: 'No cookies.', callees: ['document.cookie'] },
      { iri: 'urn:bench:r2', id: 'r2', kind: 'network-allowlist', severity: 'error', message: 'Allowed hosts only.', allowedDomains: ['*.northwind.example'] },
    ],
    templates: [],
    rulePacks: ['recommended', 'optimizely-web'],
  };
}

const linter = new Linter({ configType: 'flat' });
const eslintConfig: Linter.Config[] = [
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'script' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error', { object: 'document', property: 'write' }, { object: 'document', property: 'writeln' }],
    },
  },
];

const dir = mkdtempSync(join(tmpdir(), 'brandsafe-bench-'));
const brand = northwindBrand();
console.log(`checker benchmark: warm, median of ${RUNS} (after ${WARMUP} warm-up runs); files in ${dir}`);
console.log('file         lines  eslint ms  brandsafe ms  ratio   brandsafe+brand ms  ratio');
for (const lines of [500, 5000]) {
  const file = join(dir, `variation-${lines}.js`);
  writeFileSync(file, generate(lines));
  const text = readFileSync(file, 'utf8');
  const eslintMessages = linter.verify(text, eslintConfig, { filename: basename(file) });
  const ours = check({ text, filename: file });
  const withBrand = check({ text, filename: file }, { brand });
  if (eslintMessages.some((m) => m.fatal)) throw new Error(`ESLint could not parse ${file}`);
  const [e, b, bb] = timeInterleaved([
    () => linter.verify(text, eslintConfig, { filename: basename(file) }),
    // check() keeps the last tree it parsed and would reuse it for the same text; this benchmark
    // times a one-shot check of a file (as `brandsafe check` does), so every run parses in full.
    () => {
      forgetLastParse();
      check({ text, filename: file });
    },
    () => {
      forgetLastParse();
      check({ text, filename: file }, { brand });
    },
  ]) as [number, number, number];
  const row = [
    `${lines}-line`.padEnd(12),
    String(lines).padStart(5),
    e.toFixed(2).padStart(10),
    b.toFixed(2).padStart(13),
    (b / e).toFixed(2).padStart(6),
    bb.toFixed(2).padStart(19),
    (bb / e).toFixed(2).padStart(6),
  ];
  console.log(row.join('  '));
  console.log(`             findings: eslint ${eslintMessages.length}, brandsafe ${ours.findings.length}, with brand ${withBrand.findings.length}`);
}
console.log('goal: ratio <= 0.33 on both files (brandsafe at most one third of ESLint)');
