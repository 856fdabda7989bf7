import assert from 'node:assert/strict';
import { BrandGraph } from '../graph.js';
import { loadBrand } from '../load.js';
import type { BrandProblem } from '../model.js';
import { brandValidator, validateShacl } from '../shacl.js';
import { mergeSlices, toRecord, validateSlice } from '../shacl-run.js';
import { startWorkerShare, stopShaclWorker, validateShared } from '../shacl-parallel.js';
import { parseTurtle } from '../turtle.js';
import { generatedBrand } from './generated-brand.js';

const SH = 'http://www.w3.org/ns/shacl#';

/** Problems with blank focus nodes named by where they are written (labels differ per parse). */
function comparable(problems: readonly BrandProblem[], graph: BrandGraph): unknown[] {
  return problems.map((p) => {
    const blank = p.focusNode !== undefined && graph.quads.some((q) => q.subject.termType === 'BlankNode' && q.subject.value === p.focusNode);
    return blank ? { ...p, focusNode: `blank at ${JSON.stringify(graph.subjectLocations({ termType: 'BlankNode', value: p.focusNode } as never)[0])}` } : p;
  });
}

describe('two-thread SHACL validation', function () {
  this.timeout(60_000);
  const text = generatedBrand(30_000);
  let graph: BrandGraph;

  before(async () => {
    const parsed = await parseTurtle(text);
    assert.equal(parsed.error, undefined);
    graph = new BrandGraph(parsed.quads, parsed.positions, parsed.prefixes);
  });

  after(() => stopShaclWorker());

  it('reports the same problems in the same order as one thread on a 30k-triple graph', async () => {
    const single = await validateShacl(graph, 'brand.ttl');
    const share = startWorkerShare(text, undefined);
    assert.ok(share, 'a worker starts from the sources');
    // The worker really answered (a failed worker would be covered by the in-thread fallback).
    const answered = await share;
    assert.ok(answered.flat().length > 0);
    const split = await validateShared(graph, 'brand.ttl', share);
    assert.deepEqual(split, single);
    // Errors of every kind, from both threads' shares (first and last third of the selectors).
    const components = new Set(single.map((p) => p.constraint));
    for (const c of ['In', 'MinCount', 'MaxCount', 'Class', 'Pattern']) assert.ok(components.has(`${SH}${c}ConstraintComponent`), c);
    assert.ok(components.has('https://brandsafe.dev/shapes#ValidCssConstraintComponent'));
    const lines = single.map((p) => p.range.start.line);
    assert.ok(Math.min(...lines) < graph.size / 20 && Math.max(...lines) > graph.size / 7, 'errors spread through the file');
    assert.ok(single.some((p) => p.focusNode?.startsWith('n3-')), 'a blank focus node crosses the thread boundary');
  });

  it('repeats shacl-engine\'s own validate loop exactly (same results, same order)', async () => {
    const stock = (await brandValidator().validate({ dataset: graph.dataset })).results.map(toRecord);
    assert.ok(stock.length > 20);
    assert.deepEqual(mergeSlices([await validateSlice(brandValidator(), graph.dataset)]), stock);
    const halves = [await validateSlice(brandValidator(), graph.dataset, { from: 0, to: 0.5 }), await validateSlice(brandValidator(), graph.dataset, { from: 0.5, to: 1 })];
    assert.deepEqual(mergeSlices(halves), stock);
  });

  it('validates the worker share in this thread when the worker fails', async () => {
    const single = await validateShacl(graph);
    assert.deepEqual(await validateShared(graph, undefined, Promise.reject(new Error('worker gone'))), single);
  });

  it('gives loadBrand the same result with and without the worker', async () => {
    const one = await loadBrand(text, { file: 'brand.ttl', parallel: false });
    const two = await loadBrand(text, { file: 'brand.ttl', parallel: true });
    assert.ok(one.problems.length > 20);
    assert.deepEqual(comparable(two.problems, two.graph), comparable(one.problems, one.graph));
    assert.deepEqual(two.brand?.selectors.length, one.brand?.selectors.length);
  });

  it('gives overlapping loads the same problems (the second one validates in its own thread)', async () => {
    const [a, b] = await Promise.all([loadBrand(text, { parallel: true }), loadBrand(text, { parallel: true })]);
    assert.deepEqual(comparable(b.problems, b.graph), comparable(a.problems, a.graph));
    assert.ok(a.problems.length > 20);
  });

  it('reports a syntax error without waiting for SHACL in either thread', async () => {
    const broken = `${text}g:oops a .\n`;
    const { problems } = await loadBrand(broken, { parallel: true });
    assert.deepEqual(problems.map((p) => p.kind), ['turtle-syntax']);
  });
});
