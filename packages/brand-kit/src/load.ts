/**
 * Loading a brand graph: Turtle → quads with positions → SHACL → typed Brand, never throwing.
 */
import { buildModel } from './build-model.js';
import { misplacedProperties, undeclaredPlaceholders, unknownTerms } from './checks.js';
import { BrandGraph } from './graph.js';
import type { Brand, BrandProblem, Range } from './model.js';
import { validateShacl } from './shacl.js';
import { startWorkerShare, validateShared } from './shacl-parallel.js';
import { parseTurtle } from './turtle.js';

export interface LoadBrandOptions {
  /** Path or URI of the source, copied onto every problem and location. */
  file?: string;
  /** Base IRI for relative IRIs in the Turtle (default: none; relative IRIs are kept as written). */
  baseIRI?: string;
  /** Skip SHACL validation (syntax and model problems only), e.g. while the user is typing. */
  shacl?: boolean;
  /**
   * Validate SHACL on two threads (see shacl-parallel.ts): `true` always, `false` never; by
   * default only for a large text (about 20,000 triples and more), where a worker pays off.
   * The problems are the same either way.
   */
  parallel?: boolean;
}

/** Text length from which SHACL is split across threads: ~20,000 triples of a typical brand. */
const PARALLEL_MIN_CHARS = 700_000;

export interface BrandLoadResult {
  /** The brand, when the graph declares one (also when it has SHACL problems). */
  brand?: Brand;
  /** Syntax, SHACL and model problems, in document order. */
  problems: BrandProblem[];
  /** The quads read (all of them, or those before a syntax error) with their positions. */
  graph: BrandGraph;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/**
 * Loads a brand graph from Turtle text. Never throws on bad input: a Turtle syntax error, every
 * SHACL violation and every model problem is returned with the 0-based range of the triple at
 * fault (for a value, its object token; for a missing property, the subject's first occurrence).
 * After a syntax error the graph holds the triples before it, and neither SHACL nor the model runs
 * (a partial graph would report misleading "missing property" violations).
 *
 * @example
 * const { brand, problems } = await loadBrand(readFileSync('.brandsafe/brand.ttl', 'utf8'), { file: '.brandsafe/brand.ttl' });
 */
export async function loadBrand(text: string, options: LoadBrandOptions = {}): Promise<BrandLoadResult> {
  const { file } = options;
  const shacl = options.shacl !== false;
  // The worker parses and validates while this thread parses with positions.
  const workerShare = shacl && (options.parallel ?? text.length >= PARALLEL_MIN_CHARS) ? startWorkerShare(text, options.baseIRI) : undefined;
  const parsed = await parseTurtle(text, { ...(options.baseIRI === undefined ? {} : { baseIRI: options.baseIRI }) });
  const graph = new BrandGraph(parsed.quads, parsed.positions, parsed.prefixes);
  if (parsed.error) {
    const problem: BrandProblem = {
      kind: 'turtle-syntax',
      severity: 'error',
      message: parsed.error.message,
      range: parsed.error.range,
      ...(file === undefined ? {} : { file }),
    };
    return { problems: [problem], graph };
  }
  // Started before the model is built, so a worker's share overlaps with it.
  const validation = shacl
    ? (workerShare ? validateShared(graph, file, workerShare) : validateShacl(graph, file)).catch((cause: unknown) => [shaclCrash(cause, file)])
    : Promise.resolve([]);
  const model = buildModel(graph, file);
  const unknown = unknownTerms(graph, file);
  const misplaced = misplacedProperties(graph, file);
  const placeholders = model.brand ? undeclaredPlaceholders(graph, model.brand, file) : [];
  const shaclProblems = await validation;
  // An unknown bs: term that SHACL already reports at the same place (sh:in, sh:closed) is one
  // problem, not two: keep SHACL's, which says what is expected there.
  const reported = new Set(shaclProblems.map((p) => JSON.stringify(p.range)));
  const problems = [
    ...shaclProblems,
    ...model.problems,
    ...unknown.filter((p) => !reported.has(JSON.stringify(p.range))),
    ...misplaced,
    ...placeholders,
  ].sort((a, b) => compareRanges(a.range, b.range));
  return { ...(model.brand ? { brand: model.brand } : {}), problems, graph };
}

/** shacl-engine should not throw on data, but a crash must still surface as a problem. */
function shaclCrash(cause: unknown, file: string | undefined): BrandProblem {
  return {
    kind: 'shacl',
    severity: 'error',
    message: `SHACL validation failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    ...(file === undefined ? {} : { file }),
  };
}

/**
 * The problems of a brand file, without the model: what `brandsafe validate` and an editor's
 * diagnostics need.
 */
export async function validateBrandText(text: string, options: LoadBrandOptions = {}): Promise<BrandProblem[]> {
  return (await loadBrand(text, options)).problems;
}
