/**
 * A small, read-mostly RDF/JS DatasetCore tuned for SHACL validation of one brand graph.
 *
 * Why not n3's Store or @rdfjs/dataset: shacl-engine (through grapoi) calls `match()` once per
 * focus node and path step, and iterates the result once. n3's Store builds numeric ids for every
 * term and answers `match()` with a stream-capable dataset; @rdfjs/dataset builds a new indexed
 * dataset per `match()`. On a 100,000-triple brand both spent most of their time in allocation
 * and garbage collection (see scripts/bench/brand-graph.ts). This dataset keeps three hash indexes
 * keyed by a term's string key and answers `match()` with a plain array view, so a lookup costs
 * two Map gets and one small object.
 *
 * Implements https://rdf.js.org/dataset-spec/#datasetcore-interface. Graphs are ignored for
 * indexing (a brand graph is one default graph) but still honoured when matching.
 */
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { termToId } from 'n3';

/**
 * The key that identifies a term by value (RDF 1.1 term equality). n3's `termToId` returns the id
 * n3 terms already carry, so keys cost nothing for quads n3 parsed, and builds the same string for
 * terms of any other RDF/JS factory (shacl-engine's own namespace terms, for instance).
 */
export const termKey: (term: Term) => string = termToId as (term: Term) => string;

type Index = Map<string, Map<string, Quad[]>>;

function addTo(index: Index, k1: string, k2: string, quad: Quad): void {
  let inner = index.get(k1);
  if (inner === undefined) index.set(k1, (inner = new Map()));
  const list = inner.get(k2);
  if (list === undefined) inner.set(k2, [quad]);
  else list.push(quad);
}

function matchesTerm(pattern: Term | null | undefined, term: Term): boolean {
  return pattern === null || pattern === undefined || pattern.equals(term);
}

/** The result of `match()`: an immutable array-backed DatasetCore view. */
export class QuadList implements DatasetCore {
  constructor(private readonly quads: readonly Quad[]) {}

  get size(): number {
    return this.quads.length;
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.quads[Symbol.iterator]();
  }

  has(quad: Quad): boolean {
    return this.quads.some((q) => q.equals(quad));
  }

  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): QuadList {
    return new QuadList(
      this.quads.filter(
        (q) =>
          matchesTerm(subject, q.subject) &&
          matchesTerm(predicate, q.predicate) &&
          matchesTerm(object, q.object) &&
          matchesTerm(graph, q.graph),
      ),
    );
  }

  add(): this {
    throw new TypeError('A match() result is read-only');
  }

  delete(): this {
    throw new TypeError('A match() result is read-only');
  }
}

const EMPTY = new QuadList([]);

/**
 * An indexed DatasetCore. Eager indexes: subject→predicate→quads and predicate→quads, which answer
 * what SHACL validation asks (a focus node's values, a class's instances, the objects of a
 * predicate). The object indexes are built lazily on the first query that needs them. Duplicate
 * quads are kept once.
 */
export class IndexedDataset implements DatasetCore {
  private readonly all: Quad[] = [];
  private readonly sp: Index = new Map();
  private readonly byS = new Map<string, Quad[]>();
  private readonly byP = new Map<string, Quad[]>();
  /** predicate → object → quads, filled per predicate on demand. */
  private readonly po: Index = new Map();
  /** object → subject → quads, built on demand. */
  private os: Index | undefined;

  constructor(quads?: Iterable<Quad>) {
    if (quads) for (const quad of quads) this.add(quad);
  }

  get size(): number {
    return this.all.length;
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.all[Symbol.iterator]();
  }

  add(quad: Quad): this {
    const s = termKey(quad.subject);
    const p = termKey(quad.predicate);
    let byS = this.sp.get(s);
    if (byS === undefined) this.sp.set(s, (byS = new Map()));
    const list = byS.get(p);
    if (list === undefined) byS.set(p, [quad]);
    else if (list.some((q) => q.object.equals(quad.object) && q.graph.equals(quad.graph))) return this;
    else list.push(quad);
    this.all.push(quad);
    const sList = this.byS.get(s);
    if (sList === undefined) this.byS.set(s, [quad]);
    else sList.push(quad);
    const pList = this.byP.get(p);
    if (pList === undefined) this.byP.set(p, [quad]);
    else pList.push(quad);
    this.po.delete(p);
    this.os = undefined;
    return this;
  }

  delete(quad: Quad): this {
    const p = termKey(quad.predicate);
    const list = this.sp.get(termKey(quad.subject))?.get(p);
    const i = list ? list.findIndex((q) => q.equals(quad)) : -1;
    if (list === undefined || i < 0) return this;
    list.splice(i, 1);
    const drop = (l: Quad[] | undefined): void => {
      const j = l ? l.findIndex((q) => q.equals(quad)) : -1;
      if (l && j >= 0) l.splice(j, 1);
    };
    drop(this.all);
    drop(this.byS.get(termKey(quad.subject)));
    drop(this.byP.get(p));
    this.po.delete(p);
    this.os = undefined;
    return this;
  }

  has(quad: Quad): boolean {
    const list = this.sp.get(termKey(quad.subject))?.get(termKey(quad.predicate));
    return list !== undefined && list.some((q) => q.equals(quad));
  }

  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): QuadList {
    const list = this.candidates(subject ?? null, predicate ?? null, object ?? null);
    if (list === undefined || list.length === 0) return EMPTY;
    // The indexes answer any pattern of at most two terms exactly; only a full triple pattern or a
    // graph needs a filter. Unfiltered results are views of the index (read-only, no copy).
    if ((subject == null || predicate == null || object == null) && graph == null) return new QuadList(list);
    const exact = list.filter((q) => matchesTerm(object, q.object) && matchesTerm(graph, q.graph));
    return exact.length === 0 ? EMPTY : new QuadList(exact);
  }

  /** The smallest index list that covers the pattern, or undefined when nothing can match. */
  private candidates(s: Term | null, p: Term | null, o: Term | null): readonly Quad[] | undefined {
    if (s !== null) {
      const byS = this.sp.get(termKey(s));
      if (byS === undefined) return undefined;
      if (p !== null) return byS.get(termKey(p));
      if (o !== null) return this.objectIndex().get(termKey(o))?.get(termKey(s));
      return this.byS.get(termKey(s));
    }
    if (p !== null) {
      const pKey = termKey(p);
      if (o === null) return this.byP.get(pKey);
      return this.predicateObjectIndex(pKey)?.get(termKey(o));
    }
    if (o !== null) {
      const byO = this.objectIndex().get(termKey(o));
      return byO === undefined ? undefined : [...byO.values()].flat();
    }
    return this.all;
  }

  private predicateObjectIndex(p: string): Map<string, Quad[]> | undefined {
    let byO = this.po.get(p);
    if (byO !== undefined) return byO;
    const list = this.byP.get(p);
    if (list === undefined) return undefined;
    this.po.set(p, (byO = new Map()));
    for (const quad of list) {
      const o = termKey(quad.object);
      const l = byO.get(o);
      if (l === undefined) byO.set(o, [quad]);
      else l.push(quad);
    }
    return byO;
  }

  private objectIndex(): Index {
    if (this.os !== undefined) return this.os;
    const os: Index = new Map();
    for (const quad of this.all) addTo(os, termKey(quad.object), termKey(quad.subject), quad);
    return (this.os = os);
  }
}
