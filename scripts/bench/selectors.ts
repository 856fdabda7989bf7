// @brandsafe/selectors speed: selector parses per second (ours = positional scanner + pseudo
// check + css-what, against css-what alone), compile + match per selector against the 2,000-
// element Northwind product list (against css-select called directly), snapshot parse time
// (against htmlparser2 alone), and the per-call cost of brittleness, classification and
// suggestions. Distinct selector texts are used where our memoisation would otherwise hide the
// work. Run: node --import tsx --conditions source scripts/bench/selectors.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, selectAll } from 'css-select';
import { parse as cssWhatParse } from 'css-what';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { PageSnapshot, brittleness, classifySelector, isValidSelector, parseSelector, suggestNearest } from '@brandsafe/selectors';

const DURATION_MS = Number(process.env['BENCH_MS'] ?? 1000);
const dir = fileURLToPath(new URL('../../examples/northwind/snapshots/', import.meta.url));
const approved = (JSON.parse(readFileSync(`${dir}selectors.json`, 'utf8')) as { css: string }[]).map((s) => s.css);
const pages = ['home', 'product-list', 'product-detail', 'cart', 'checkout'].map((p) => ({ name: p, html: readFileSync(`${dir}${p}.html`, 'utf8') }));

interface Row {
  name: string;
  perSecond: number;
  meanUs: number;
  p50Us: number;
}

/** Runs `fn(i)` with a growing i for DURATION_MS after a warm-up; i lets callers vary the input. */
function measure(name: string, fn: (i: number) => unknown, warmup = 200): Row {
  let i = 0;
  for (; i < warmup; i++) fn(i);
  const times: number[] = [];
  const start = performance.now();
  while (performance.now() - start < DURATION_MS) {
    const t0 = performance.now();
    fn(i++);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { name, perSecond: Math.round((times.length / total) * 1000), meanUs: (total / times.length) * 1000, p50Us: (times[Math.floor(times.length / 2)] ?? 0) * 1000 };
}

/** Distinct, realistic selector texts: every approved selector under a varying ancestor class. */
const distinct = (i: number): string => `.v${i} ${approved[i % approved.length]}`;

const rows: Row[] = [];
rows.push(measure('parse: css-what alone (peer), distinct', (i) => cssWhatParse(distinct(i))));
rows.push(measure('parse: parseSelector, distinct (cold)', (i) => parseSelector(distinct(i))));
rows.push(measure('parse: isValidSelector, repeated (memoised)', (i) => isValidSelector(approved[i % approved.length] as string)));
rows.push(measure('parse: invalid selector with position', (i) => parseSelector(`.v${i} .pdp__price >`)));

const plpHtml = pages.find((p) => p.name === 'product-list')?.html ?? '';
const plpDoc = parseDocument(plpHtml);
const plp = PageSnapshot.fromHtml(plpHtml, { pageType: 'product-list' });
rows.push(measure(`match: css-select compile+selectAll (peer), ${plp.elementCount} el`, (i) => selectAll<AnyNode, Element>(compile<AnyNode, Element>(distinct(i)), plpDoc), 20));
rows.push(measure(`match: css-select selectAll, precompiled (peer)`, (() => {
  const compiled = approved.map((css) => compile<AnyNode, Element>(css));
  return (i: number) => selectAll<AnyNode, Element>(compiled[i % compiled.length] as ReturnType<typeof compile<AnyNode, Element>>, plpDoc);
})(), 20));
rows.push(measure('match: PageSnapshot.count, distinct (validate+compile+match)', (i) => plp.count(distinct(i)), 20));
rows.push(measure('match: PageSnapshot.count, approved (cached compile)', (i) => plp.count(approved[i % approved.length] as string), 20));
rows.push(measure('compile: css-select compile alone (peer), distinct', (i) => compile(distinct(i))));

for (const page of pages) {
  rows.push(measure(`snapshot: htmlparser2 parseDocument (peer), ${page.name}`, () => parseDocument(page.html), 5));
  rows.push(measure(`snapshot: PageSnapshot.fromHtml, ${page.name}`, () => PageSnapshot.fromHtml(page.html), 5));
}

rows.push(measure('brittleness, distinct', (i) => brittleness(`.css-${i}x2y3z > li:nth-child(2) ${approved[i % approved.length]}`)));
rows.push(measure('classifySelector, distinct', (i) => classifySelector(distinct(i))));
rows.push(measure(`suggestNearest vs ${approved.length} approved, distinct`, (i) => suggestNearest(`[data-testid="add-to-cart-${i}"]`, approved), 20));

const pad = Math.max(...rows.map((r) => r.name.length));
console.log(`${'benchmark'.padEnd(pad)}  ${'ops/s'.padStart(10)}  ${'mean µs'.padStart(10)}  ${'p50 µs'.padStart(10)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(pad)}  ${String(r.perSecond).padStart(10)}  ${r.meanUs.toFixed(1).padStart(10)}  ${r.p50Us.toFixed(1).padStart(10)}`);
}
for (const page of pages) console.log(`${page.name}: ${PageSnapshot.fromHtml(page.html).elementCount} elements, ${(page.html.length / 1024).toFixed(0)} KiB`);
