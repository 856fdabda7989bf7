/**
 * A parsed brand graph with a position index, for an editor's hover, go-to-definition and
 * diagnostics: which triple is under the cursor, and where a term occurs. Indexes are built on
 * first use, so loading a large brand pays only for what is asked.
 */
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { IndexedDataset, termKey } from './dataset.js';
import type { Position, Range } from './model.js';
import type { TriplePosition, TriplePositions } from './turtle.js';

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

/** A term given as an IRI string or as an RDF/JS term. */
export type TermRef = string | RDF.Term;

function keyOf(term: TermRef): string {
  return typeof term === 'string' ? term : termKey(term);
}

const ROLES = { subject: 0, predicate: 1, object: 2 } as const;

/**
 * The quads of a brand graph, in the order the parser emitted them, with their source ranges.
 * The dataset is an RDF/JS DatasetCore ({@link IndexedDataset}).
 */
export class BrandGraph {
  readonly dataset: IndexedDataset;
  private readonly quadList: readonly RDF.Quad[];
  private readonly positions: TriplePositions;
  private quadIndex: Map<RDF.Quad, number> | undefined;
  private bySubject: Map<string, number[]> | undefined;
  private byTerm: Map<string, number[]> | undefined;

  constructor(
    quads: readonly RDF.Quad[],
    positions: TriplePositions,
    /** Prefixes declared in the source, for writing terms back in the author's style. */
    readonly prefixes: Readonly<Record<string, string>> = {},
  ) {
    this.quadList = quads;
    this.positions = positions;
    this.dataset = new IndexedDataset(quads);
  }

  /** All quads, in source order. */
  get quads(): readonly RDF.Quad[] {
    return this.quadList;
  }

  get size(): number {
    return this.quadList.length;
  }

  /** The i-th quad with its ranges. */
  located(i: number): LocatedQuad {
    return { quad: this.quadList[i]!, ...this.positions.at(i) };
  }

  /** All quads with their ranges, in source order (allocates one object per quad). */
  get locatedQuads(): LocatedQuad[] {
    return this.quadList.map((_, i) => this.located(i));
  }

  /** The range of one term of the i-th quad. */
  rangeOf(i: number, role: TripleRole): Range {
    return this.positions.ranges.get(this.positions.rangeIndex(i, ROLES[role]));
  }

  /** The triples `(subject, predicate, *)` with their ranges, in source order. */
  triples(subject: TermRef, predicate?: TermRef): LocatedQuad[] {
    if (this.quadIndex === undefined) this.quadIndex = new Map(this.quadList.map((q, i) => [q, i]));
    const index = this.quadIndex;
    const s = typeof subject === 'string' ? DataFactory.namedNode(subject) : subject;
    const p = predicate === undefined ? null : typeof predicate === 'string' ? DataFactory.namedNode(predicate) : predicate;
    const found = [...this.dataset.match(s, p)].map((q) => index.get(q)!);
    return found.sort((a, b) => a - b).map((i) => this.located(i));
  }

  /** Every place the term is written as a subject, the first occurrence first. */
  subjectLocations(term: TermRef): Range[] {
    if (this.bySubject === undefined) this.bySubject = this.buildIndex([0]);
    return (this.bySubject.get(keyOf(term)) ?? []).map((r) => this.positions.ranges.get(r));
  }

  /** Every place the term is written, as subject, predicate or object, in document order. */
  termLocations(term: TermRef): Range[] {
    if (this.byTerm === undefined) this.byTerm = this.buildIndex([0, 1, 2]);
    return (this.byTerm.get(keyOf(term)) ?? []).map((r) => this.positions.ranges.get(r));
  }

  /**
   * The triple whose subject, predicate or object is written at the position (objects first, then
   * predicates, then subjects: a subject written once for many triples resolves to its first one).
   */
  quadAt(position: Position): QuadHit | undefined {
    const { ranges } = this.positions;
    for (const role of ['object', 'predicate', 'subject'] as const) {
      for (let i = 0; i < this.quadList.length; i++) {
        if (ranges.contains(this.positions.rangeIndex(i, ROLES[role]), position.line, position.character)) {
          const hit = this.located(i);
          return { ...hit, role, range: hit[role] };
        }
      }
    }
    return undefined;
  }

  /** term key → distinct range indexes where the term is written in the given roles, sorted. */
  private buildIndex(roles: (0 | 1 | 2)[]): Map<string, number[]> {
    const index = new Map<string, number[]>();
    const terms = ['subject', 'predicate', 'object'] as const;
    for (let i = 0; i < this.quadList.length; i++) {
      const quad = this.quadList[i]!;
      for (const role of roles) {
        const key = termKey(quad[terms[role]]);
        const r = this.positions.rangeIndex(i, role);
        const list = index.get(key);
        if (list === undefined) index.set(key, [r]);
        else if (list[list.length - 1] !== r) list.push(r);
      }
    }
    const { ranges } = this.positions;
    for (const [key, list] of index) {
      if (list.length > 1) index.set(key, [...new Set(list)].sort((a, b) => ranges.compare(a, b)));
    }
    return index;
  }
}
