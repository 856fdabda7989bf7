/**
 * SHACL validation of a large brand on two threads (issue 2, "Speed": 100,000 triples loaded and
 * validated in under a second). One worker thread, started on first use and reused by every later
 * call (the language server and the API load brands again and again), parses the text itself and
 * validates a share of each shape's focus nodes while the main thread parses with positions,
 * builds the model and validates the rest. The parts are merged per shape into the order of a
 * single run (shacl-run.ts), so the problems are the same, in the same order, either way.
 *
 * The worker is unref'd while idle, so it never keeps a process alive. When it cannot run — its
 * file is not there (a bundle such as the VS Code extension's language server), it fails to
 * start, or it crashes — the worker's share is validated in this thread instead, silently.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as RDF from '@rdfjs/types';
import type { BrandGraph } from './graph.js';
import type { BrandProblem } from './model.js';
import { brandValidator, recordsToProblems } from './shacl.js';
import { mergeSlices, validateSlice } from './shacl-run.js';
import type { ShapeResults, TargetSlice } from './shacl-run.js';
import { decodeRecord } from './shacl-transfer.js';
import type { ValidateRequest, ValidateResponse, WireTerm } from './shacl-transfer.js';

/**
 * The main thread's share of the focus nodes. It also parses with positions (~1.4× n3's parse)
 * and builds the model, so the worker takes the larger share. Measured per step on 100,000
 * triples (CPU ms, warm): main ≈ positioned parse 190 + model and checks 150 + 780 × share,
 * worker ≈ parse 115 + index 30 + 740 × its share + the message; even at about 0.37.
 */
const MAIN_SHARE = 0.37;
const MAIN: TargetSlice = { from: 0, to: MAIN_SHARE };
const WORKER: TargetSlice = { from: MAIN_SHARE, to: 1 };

interface Pending {
  resolve: (results: ShapeResults<WireTerm>) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
/** Set once the worker could not be started; from then on everything runs in this thread. */
let unavailable = false;
let answered = false;
let nextId = 0;
const pending = new Map<number, Pending>();

/**
 * The worker's file beside this module, if it exists: `shacl-worker.ts` from sources,
 * `shacl-worker.js` when built with tsc, `shacl-worker.mjs` beside an ES-module bundle (a bundler
 * that inlines this package can emit src/shacl-worker.ts as that second entry point).
 */
function workerFile(): URL | undefined {
  try {
    const own = import.meta.url;
    const names = own.endsWith('.ts') ? ['shacl-worker.ts'] : ['shacl-worker.js', 'shacl-worker.mjs'];
    for (const name of names) {
      const url = new URL(`./${name}`, own);
      if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
    }
    return undefined;
  } catch {
    return undefined; // no import.meta.url (a CommonJS bundle)
  }
}

/**
 * Starts the worker. Built code runs as is. From sources (tests, benches: `--import tsx`), Node 20
 * does not apply the parent's module hooks to a worker (nodejs/node#47747), so the worker first
 * registers tsx itself; if tsx cannot be found there, the worker fails and the fallback applies.
 */
function spawn(file: URL): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file);
  // createRequire, not import.meta.resolve: tsx may run this module as CommonJS (under mocha).
  // That resolves tsx's CommonJS entry; its ESM twin sits beside it and is the one that works here.
  const cjs = createRequire(file).resolve('tsx/esm/api');
  const esm = cjs.replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(existsSync(esm) ? esm : cjs).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { eval: true });
}

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function startWorker(): Worker | undefined {
  if (worker !== undefined || unavailable) return worker;
  const file = workerFile();
  if (file === undefined) {
    unavailable = true;
    return undefined;
  }
  try {
    const started = spawn(file);
    started.unref();
    started.on('message', (response: ValidateResponse) => {
      answered = true;
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (pending.size === 0) started.unref();
      if ('error' in response) waiting?.reject(new Error(response.error));
      else waiting?.resolve(response.results);
    });
    // A worker that fails before its first answer will not do better next time.
    started.on('error', (error) => {
      if (!answered) unavailable = true;
      failAll(error);
    });
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      failAll(new Error('the SHACL worker stopped'));
    });
    worker = started;
    return started;
  } catch {
    unavailable = true;
    return undefined;
  }
}

/**
 * Starts validating the worker's share of a text's focus nodes, before the caller parses it.
 * Undefined when no worker can run or it is busy with another load. The promise rejects when the worker fails; it never leaves
 * an unhandled rejection behind if the caller drops it (after a syntax error, for instance).
 */
export function startWorkerShare(text: string, baseIRI: string | undefined): Promise<ShapeResults<WireTerm>> | undefined {
  // One request at a time: loads that overlap (an editor reloading on every keystroke) would
  // otherwise queue behind each other in the worker; this one runs in its own thread instead,
  // which keeps both cores busy all the same.
  if (pending.size > 0) return undefined;
  const running = startWorker();
  if (running === undefined) return undefined;
  const id = nextId++;
  const result = new Promise<ShapeResults<WireTerm>>((resolve, reject) => pending.set(id, { resolve, reject }));
  result.catch(() => undefined);
  running.ref();
  const request: ValidateRequest = { id, text, baseIRI, slice: WORKER };
  running.postMessage(request);
  return result;
}

/**
 * Validates the graph with the worker's share already under way: this thread's share here, then
 * the worker's results put after it shape by shape. If the worker fails, its share is validated
 * here, so the problems are those of {@link validateShacl} in every case.
 */
export async function validateShared(graph: BrandGraph, file: string | undefined, workerShare: Promise<ShapeResults<WireTerm>>): Promise<BrandProblem[]> {
  const validator = brandValidator();
  const own = await validateSlice(validator, graph.dataset, MAIN);
  let rest: ShapeResults<RDF.Term>;
  try {
    rest = (await workerShare).map((records) => records.map((r) => decodeRecord(r, graph.quads)));
  } catch {
    rest = await validateSlice(validator, graph.dataset, WORKER);
  }
  return recordsToProblems(graph, mergeSlices([own, rest]), file);
}

/** Stops the worker (tests, or a host shutting down); the next large load starts a new one. */
export async function stopShaclWorker(): Promise<void> {
  const running = worker;
  worker = undefined;
  if (running !== undefined) await running.terminate();
}
