/**
 * The messages between loadBrand and its SHACL worker, and how result terms cross the thread
 * boundary. Named nodes and literals travel as their n3 ids (RDF 1.1 term equality is by value).
 * Blank nodes have no stable name across two parses of the same text (n3 labels them per parser),
 * so one travels as the first place it occurs — quad index and role — in the parse's quad list:
 * both threads parse the same text with the same parser, which emits the same quads in the same order.
 */
import { DataFactory, termFromId, termToId } from 'n3';
import type * as RDF from '@rdfjs/types';
import type { ResultRecord, ShapeResults, TargetSlice } from './shacl-run.js';

/** A term as sent between threads. */
export type WireTerm = { id: string } | { quad: number; role: 0 | 1 | 2 };

/** Main thread → worker: validate this text's slice of focus nodes. */
export interface ValidateRequest {
  id: number;
  text: string;
  baseIRI: string | undefined;
  slice: TargetSlice;
}

/** Worker → main thread: the slice's results per shape, or why there are none. */
export type ValidateResponse = { id: number; results: ShapeResults<WireTerm> } | { id: number; error: string };

const ROLES = ['subject', 'predicate', 'object'] as const;

/** Encodes terms of one parse for sending; blank nodes are located lazily, in one pass. */
export class TermEncoder {
  private blanks: Map<string, WireTerm> | undefined;

  constructor(private readonly quads: readonly RDF.Quad[]) {}

  encode(term: RDF.Term | undefined): WireTerm | undefined {
    if (term === undefined) return undefined;
    if (term.termType !== 'BlankNode') return { id: termToId(term as Parameters<typeof termToId>[0]) };
    if (this.blanks === undefined) {
      const blanks = new Map<string, WireTerm>();
      this.quads.forEach((quad, i) => {
        ROLES.forEach((role, r) => {
          const t = quad[role];
          if (t.termType === 'BlankNode' && !blanks.has(t.value)) blanks.set(t.value, { quad: i, role: r as 0 | 1 | 2 });
        });
      });
      this.blanks = blanks;
    }
    const at = this.blanks.get(term.value);
    if (at === undefined) throw new TypeError(`blank node _:${term.value} is not in the data graph`);
    return at;
  }

  record(r: ResultRecord<RDF.Term>): ResultRecord<WireTerm> {
    return { ...r, focus: this.encode(r.focus), value: this.encode(r.value) };
  }
}

/** Decodes terms sent by the worker into the terms of the main thread's parse of the same text. */
export function decodeRecord(r: ResultRecord<WireTerm>, quads: readonly RDF.Quad[]): ResultRecord<RDF.Term> {
  const decode = (t: WireTerm | undefined): RDF.Term | undefined => {
    if (t === undefined) return undefined;
    if ('id' in t) return termFromId(t.id, DataFactory) as RDF.Term;
    const quad = quads[t.quad];
    if (quad === undefined) throw new RangeError(`quad ${t.quad} is not in the data graph`);
    return quad[ROLES[t.role]];
  };
  return { ...r, focus: decode(r.focus), value: decode(r.value) };
}
