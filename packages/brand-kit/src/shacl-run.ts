/**
 * Running shacl-engine over a share of the focus nodes, with results kept per shape, so that the
 * work can be split between threads and the parts put back in exactly the order one run gives.
 *
 * shacl-engine's `Validator.validate({ dataset, terms })` cannot split the work: given `terms`,
 * it skips target resolution and validates every term against every shape (Validator.js), which
 * is a different validation. This module repeats the loop of `Validator.validate` — for each
 * shape in order, resolve its targets (SHACL §2.1.3), validate each focus node — over a slice of
 * each shape's target list. One run = part 0 of shape 0, part 1 of shape 0, part 0 of shape 1, …
 */
import { PathList } from 'grapoi';
import type * as RDF from '@rdfjs/types';
import Context from 'shacl-engine/lib/Context.js';
import type { ValidationResult, Validator } from 'shacl-engine';

/**
 * One validation result, reduced to what brand-kit reports (see shacl.ts), over a term type `T`:
 * RDF/JS terms in the thread that validated, an encoding of them when sent between threads.
 */
export interface ResultRecord<T> {
  severity: string;
  constraint: string;
  focus: T | undefined;
  value: T | undefined;
  /** The predicate when the path is one plain predicate step (where the triple at fault is). */
  simplePredicate: string | undefined;
  /** The first predicate of a one-step path (the problem's `path`). */
  pathPredicate: string | undefined;
  /** The first predicate of the first step (named in closed-shape messages). */
  firstPredicate: string | undefined;
  /** The IRI or label of the shape that reported it. */
  shape: string | undefined;
  /** The result's messages, joined with "; ". */
  message: string;
}

/** The records of one run, one array per shape of the validator, in shape order. */
export type ShapeResults<T> = ResultRecord<T>[][];

/** Which share of each shape's focus nodes a run validates: `[floor(n·from), floor(n·to))`. */
export interface TargetSlice {
  from: number;
  to: number;
}

/** The whole of every target list. */
export const ALL: TargetSlice = { from: 0, to: 1 };

/** Reduces shacl-engine's result to a record of RDF/JS terms. */
export function toRecord(result: ValidationResult): ResultRecord<RDF.Term> {
  const path = result.path;
  const step = path?.length === 1 ? path[0] : undefined;
  const simple = step?.quantifier === 'one' && step.start === 'subject' && step.predicates.length === 1 ? step.predicates[0] : undefined;
  return {
    severity: result.severity.value,
    constraint: result.constraintComponent.value,
    focus: result.focusNode.term,
    value: result.value?.term,
    simplePredicate: simple?.value,
    pathPredicate: path?.length === 1 ? path[0]?.predicates[0]?.value : undefined,
    firstPredicate: path?.[0]?.predicates[0]?.value,
    shape: result.shape.ptr.term?.value,
    message: result.message.map((m) => m.value).join('; '),
  };
}

function sliceOf<T>(items: readonly T[], slice: TargetSlice): readonly T[] {
  if (slice.from === 0 && slice.to === 1) return items;
  return items.slice(Math.floor(items.length * slice.from), Math.floor(items.length * slice.to));
}

/**
 * Validates the focus nodes of `slice` against every shape of the validator, as
 * `Validator.validate({ dataset })` does for all of them (same shape order, same target order,
 * same context and caches), and returns the results grouped by shape.
 */
export async function validateSlice(validator: Validator, dataset: RDF.DatasetCore, slice: TargetSlice = ALL): Promise<ShapeResults<RDF.Term>> {
  const factory = validator.factory;
  const focusNode = new PathList({ dataset, factory });
  const context = new Context({ factory, focusNode, options: validator.options, validator });
  const results = context.report.results;
  const perShape: ShapeResults<RDF.Term> = [];
  for (const shape of validator.shapes.values()) {
    const start = results.length;
    const shapeContext = context.create({ shape });
    const targets = sliceOf([...(await shape.resolveTargets(shapeContext))], slice);
    for (const target of targets) await shape.validate(shapeContext.create({ focusNode: target }));
    perShape.push(results.slice(start).map(toRecord));
  }
  return perShape;
}

/** Puts the per-shape results of consecutive slices back into the order of a single run. */
export function mergeSlices<T>(parts: readonly ShapeResults<T>[]): ResultRecord<T>[] {
  const merged: ResultRecord<T>[] = [];
  const shapes = Math.max(0, ...parts.map((p) => p.length));
  for (let s = 0; s < shapes; s++) for (const part of parts) merged.push(...(part[s] ?? []));
  return merged;
}
