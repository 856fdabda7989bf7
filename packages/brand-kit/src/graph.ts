/**
 * A parsed brand graph with a position index, for an editor's hover, go-to-definition and
 * diagnostics: which triple is under the cursor, and where a term occurs.
 */
import type * as RDF from '@rdfjs/types';
import { IndexedDataset, termKey } from './dataset.js';
import type { Position, Range } from './model.js';
import type { TriplePosition } from './turtle.js';

/** Which part of a triple a position falls on. */
export type TripleRole = 'subject' | 'predicate' | 'object';

/** A quad with the source ranges of its terms. */
export interface LocatedQuad extends TriplePosition {
  quad: RDF.Quad;
}

/** The quad under a position, and which of its terms the position is on. */
export interface QuadHit extends LocatedQuad {
  role: TripleRole;
  /** The range of the term under the position. */
  range: Range;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function contains(range: Range, position: Position): boolean {
  return compare(range.start, position) <= 0 && compare(position, range.end) < 0;
}

function sameRange(a: Range, b: Range): boolean {
  return compare(a.start, b.start) === 0 && compare(a.end, b.end) === 0;
}

/** Distinct ranges, in document order. */
function distinctSorted(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => compare(a.start, b.start) || compare(a.end, b.end));
  return sorted.filter((r, i) => i === 0 || !sameRange(r, sorted[i - 1]!));
}

/** A term given as an IRI string or as an RDF/JS term. */
export type TermRef = string | RDF.Term;

function keyOf(term: TermRef): string {
  return typeof term === 'string' ? term : termKey(term);
}

/**
 * The quads of a brand graph, in the order the parser emitted them, with their source ranges.
 * The dataset is an RDF/JS DatasetCore ({@link IndexedDataset}).
 */
export class BrandGraph {
  readonly dataset: IndexedDataset;
  private readonly located: LocatedQuad[];
  private bySubject: Map<string, Range[]> | undefined;
  private byTerm: Map<string, Range[]> | undefined;

  constructor(
    quads: readonly RDF.Quad[],
    positions: readonly TriplePosition[],
    /** Prefixes declared in the source, for writing terms back in the author's style. */
    readonly prefixes: Readonly<Record<string, string>> = {},
  ) {
    this.located = quads.map((quad, i) => ({ quad, ...positions[i]! }));
    this.dataset = new IndexedDataset(quads);
  }

  /** All quads, in source order. */
  get quads(): RDF.Quad[] {
    return this.located.map((l) => l.quad);
  }

  /** All quads with their ranges, in source order. */
  get locatedQuads(): readonly LocatedQuad[] {
    return this.located;
  }

  get size(): number {
    return this.located.length;
  }

  /** The ranges of the triples `(subject, predicate, *)`, in source order. */
  triples(subject: TermRef, predicate?: TermRef): LocatedQuad[] {
    const s = keyOf(subject);
    const p = predicate === undefined ? undefined : keyOf(predicate);
    return this.located.filter((l) => termKey(l.quad.subject) === s && (p === undefined || termKey(l.quad.predicate) === p));
  }

  /** Every place the term is written as a subject, the first occurrence first. */
  subjectLocations(term: TermRef): Range[] {
    if (this.bySubject === undefined) {
      const index = new Map<string, Range[]>();
      for (const l of this.located) push(index, termKey(l.quad.subject), l.subject);
      for (const [k, v] of index) index.set(k, distinctSorted(v));
      this.bySubject = index;
    }
    return this.bySubject.get(keyOf(term)) ?? [];
  }

  /** Every place the term is written, as subject, predicate or object, in document order. */
  termLocations(term: TermRef): Range[] {
    if (this.byTerm === undefined) {
      const index = new Map<string, Range[]>();
      for (const l of this.located) {
        push(index, termKey(l.quad.subject), l.subject);
        push(index, termKey(l.quad.predicate), l.predicate);
        push(index, termKey(l.quad.object), l.object);
      }
      for (const [k, v] of index) index.set(k, distinctSorted(v));
      this.byTerm = index;
    }
    return this.byTerm.get(keyOf(term)) ?? [];
  }

  /**
   * The triple whose subject, predicate or object is written at the position (objects first, then
   * predicates, then subjects: a subject written once for many triples resolves to its first one).
   */
  quadAt(position: Position): QuadHit | undefined {
    const roles: TripleRole[] = ['object', 'predicate', 'subject'];
    for (const role of roles) {
      const hit = this.located.find((l) => contains(l[role], position));
      if (hit) return { ...hit, role, range: hit[role] };
    }
    return undefined;
  }
}

function push(index: Map<string, Range[]>, key: string, range: Range): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [range]);
  else list.push(range);
}
