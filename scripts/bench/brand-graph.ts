/**
 * Brand graph benchmark (issue 2, "Speed"): load + SHACL validation of a generated brand of about
 * 100,000 triples, goal under 1 s, with rdf-validate-shacl on the same data and shapes beside it.
 *
 *   node --import tsx --conditions source scripts/bench/brand-graph.ts [triples]
 *
 * Prints one table: median and min wall time and median CPU time (user + system, steadier on a
 * shared machine; the load average is printed too) per step over a few runs, the number of SHACL
 * results each engine reports (the generated brand has one bad stability every 1,000 selectors,
 * so both engines must agree on a small non-zero count).
 *
 * loadBrand splits SHACL with a worker thread on a large brand (see shacl-parallel.ts); its CPU
 * column counts both threads (process.cpuUsage), so wall time below CPU time means both cores
 * worked. The one-thread row is the same load with `parallel: false`.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { DataFactory, Parser, Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import SHACLValidator from 'rdf-validate-shacl';
import rdfDataset from '@rdfjs/dataset';
import { Validator } from 'shacl-engine';
import { IndexedDataset, loadBrand, parseTurtle, shapesTurtle } from '@brandsafe/brand-kit';

const PAGES = ['home', 'product-list', 'product-detail', 'cart', 'checkout'];
const STABILITY = ['stable', 'volatile', 'experimental', 'deprecated'];
const SEVERITY = ['error', 'warning', 'info'];

/** A brand like examples/northwind scaled up: selectors, rules and templates in Northwind's proportions. */
function generateBrand(targetTriples: number): string {
  const out: string[] = [
    '@prefix bs: <https://brandsafe.dev/ns#> .',
    '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .',
    '@prefix g: <https://generated.example/brand#> .',
    'g:brand a bs:Brand ; bs:name "Generated Outfitters" ; bs:version "1.0.0" ;',
    '  bs:domain "generated.example", "www.generated.example", "cdn.generated.example" ;',
    '  bs:rulePack bs:recommended, bs:optimizely-web .',
  ];
  let triples = 8;
  for (const p of PAGES) {
    out.push(`g:${p} a bs:PageType ; rdfs:label "${p}" ; bs:urlPattern "^/${p}" .`);
    triples += 3;
  }
  for (let i = 0; triples < targetTriples; i++) {
    // One stability outside the enumeration every 1,000 selectors: a known number of violations.
    const stability = i % 1000 === 999 ? 'solid' : STABILITY[i % 4];
    out.push(
      `g:sel-${i} a bs:ApprovedSelector ;\n  rdfs:label "Item ${i}" ;\n  bs:css '[data-testid="item-${i}"] > .title' ;\n` +
        `  bs:pageType g:${PAGES[i % 5]}, g:${PAGES[(i + 2) % 5]} ;\n  bs:stability bs:${stability} ;\n` +
        `  bs:description "Generated selector number ${i}, approved for tests." .`,
    );
    triples += 7;
    if (i % 4 === 0) {
      out.push(
        `g:rule-${i} a bs:ForbiddenCallRule ; bs:severity bs:${SEVERITY[i % 3]} ;\n  bs:message "Do not call api${i}." ;\n` +
          `  bs:docs <https://docs.generated.example/rules/${i}> ; bs:callee "window.api${i}", "document.api${i}" .`,
      );
      triples += 6;
    }
    if (i % 10 === 0) {
      out.push(
        `g:tpl-${i} a bs:Template ; rdfs:label "Template ${i}" ; bs:testType "cta-text" ; bs:pageType g:home ;\n` +
          `  bs:parameter [ bs:parameterName "target" ; bs:parameterType bs:selector ; bs:pageType g:home ; bs:order 1 ] ,\n` +
          `    [ bs:parameterName "text" ; bs:parameterType bs:text ; bs:required true ; bs:order 2 ] ;\n` +
          `  bs:body """window.optimizely.get('utils').waitForElement({{target}}).then(function (el) { el.textContent = {{text}}; });""" .`,
      );
      triples += 5 + 2 + 4 + 4;
    }
  }
  return `${out.join('\n')}\n`;
}

interface Row {
  step: string;
  runs: number[];
  /** CPU time (user + system) of each run: steadier than wall time on a shared machine. */
  cpu: number[];
  results?: number;
}

async function time(step: string, runs: number, fn: () => Promise<number | undefined> | number | undefined): Promise<Row> {
  const row: Row = { step, runs: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const results = await fn();
    row.runs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    row.cpu.push((used.user + used.system) / 1000);
    if (results !== undefined) row.results = results;
  }
  return row;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 100_000);
  const text = generateBrand(target);
  const quads = new Parser({ format: 'text/turtle' }).parse(text);
  const shapeQuads = new Parser({ format: 'text/turtle' }).parse(shapesTurtle());
  const factory = DataFactory as unknown as RDF.DataFactory;
  const engineOn = (data: RDF.DatasetCore, shapes: RDF.DatasetCore) => new Validator(shapes, { factory }).validate({ dataset: data });

  // Warm up the JIT, the shapes cache and the SHACL worker once, as an editor or server would be.
  await loadBrand(text);
  await loadBrand(text, { parallel: false });

  const rows: Row[] = [];
  // The everyday case: the editor reloading a real brand file on each keystroke.
  const northwind = readFileSync(new URL('../../examples/northwind/.brandsafe/brand.ttl', import.meta.url), 'utf8');
  await loadBrand(northwind);
  rows.push(await time('loadBrand of examples/northwind (870 triples)', 20, async () => (await loadBrand(northwind)).problems.length));
  rows.push(await time('n3 Parser.parse (no positions)', 5, () => void new Parser({ format: 'text/turtle' }).parse(text)));
  rows.push(await time('brand-kit parseTurtle (with positions)', 5, async () => void (await parseTurtle(text))));
  // The two ways of loading alternate run by run, so a burst of load on the shared machine
  // weighs on both alike.
  const both: Row[] = [];
  for (let i = 0; i < 7; i++) {
    const two = await time('brand-kit loadBrand: parse + SHACL + model (goal < 1000 ms)', 1, async () => (await loadBrand(text)).problems.length);
    const one = await time('brand-kit loadBrand, one thread (parallel: false)', 1, async () => (await loadBrand(text, { parallel: false })).problems.length);
    for (const [k, r] of [two, one].entries()) {
      const row = (both[k] ??= { step: r.step, runs: [], cpu: [] });
      row.runs.push(...r.runs);
      row.cpu.push(...r.cpu);
      if (r.results !== undefined) row.results = r.results;
    }
  }
  rows.push(...both);
  rows.push(await time('shacl-engine on IndexedDataset (validate only)', 5, async () => {
    const report = await engineOn(new IndexedDataset(quads), new IndexedDataset(shapeQuads));
    return report.results.length;
  }));
  rows.push(await time('shacl-engine on n3 Store (validate only)', 3, async () => {
    const report = await engineOn(new Store(quads), new Store(shapeQuads));
    return report.results.length;
  }));
  rows.push(await time('shacl-engine on @rdfjs/dataset (validate only)', 3, async () => {
    const report = await engineOn(rdfDataset.dataset(quads), rdfDataset.dataset(shapeQuads));
    return report.results.length;
  }));
  rows.push(await time('rdf-validate-shacl on its default dataset (validate only)', 3, async () => {
    const report = await new SHACLValidator(rdfDataset.dataset(shapeQuads)).validate(rdfDataset.dataset(quads));
    return report.results.length;
  }));
  rows.push(await time('rdf-validate-shacl on IndexedDataset (validate only)', 3, async () => {
    const report = await new SHACLValidator(rdfDataset.dataset(shapeQuads)).validate(new IndexedDataset(quads));
    return report.results.length;
  }));

  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`brand graph: ${quads.length} triples, ${(text.length / 1024).toFixed(0)} KiB of Turtle; node ${process.version}, ${cpus().length} CPUs, load average ${load}`);
  const width = Math.max(...rows.map((r) => r.step.length));
  console.log(`${'step'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'min ms'.padStart(7)}  ${'cpu ms'.padStart(7)}  runs  results`);
  for (const r of rows) {
    console.log(
      `${r.step.padEnd(width)}  ${median(r.runs).toFixed(0).padStart(9)}  ${Math.min(...r.runs).toFixed(0).padStart(7)}  ` +
        `${median(r.cpu).toFixed(0).padStart(7)}  ` +
        `${String(r.runs.length).padStart(4)}  ${r.results === undefined ? '' : String(r.results).padStart(7)}`,
    );
  }
}

await main();
