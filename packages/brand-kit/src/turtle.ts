/**
 * Turtle parsing with source positions for every triple.
 *
 * n3's Parser reports each lexer token through `onToken`/`onTokenEnd` and creates every term and
 * quad through the data factory it is given. We pass a factory that records, for each term object
 * the parser creates, the range of the token being read at that moment, and that records, for
 * each quad, the ranges of its three terms. Two cases need more than the term's own token:
 * - literals are created on the token after the string (`^^datatype`, `@lang`, or the next
 *   punctuation), so their range runs from the string token to the datatype or language tag;
 * - predicates: the `a` keyword is one shared term object in n3, so the predicate's range comes
 *   from a small mirror of the Turtle grammar (W3C Turtle §6.5: predicateObjectList) that tracks
 *   the current verb token per nesting level (statement, `[ ]` property list, `( )` collection).
 * Terms the parser makes up (list nodes, rdf:nil) take the range of the token that produced them.
 */
import { DataFactory, Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import type { Range } from './model.js';
import { IntList, RangeTable } from './ranges.js';
import { literal as makeLiteral } from './terms.js';
import { DATATYPE_TOKENS, GrammarMirror } from './turtle-mirror.js';
import type { Token } from './turtle-mirror.js';


/** The source ranges of one triple's subject, predicate and object. */
export interface TriplePosition {
  subject: Range;
  predicate: Range;
  object: Range;
}

/** The positions of all triples of a document, stored compactly (see RangeTable). */
export class TriplePositions {
  /** @internal */
  readonly ranges = new RangeTable();
  /** @internal three range indexes per triple: subject, predicate, object */
  readonly terms = new IntList();

  /** The number of triples. */
  get size(): number {
    return this.terms.length / 3;
  }

  /** The range index of a triple's subject (0), predicate (1) or object (2). */
  rangeIndex(triple: number, role: 0 | 1 | 2): number {
    return this.terms.at(triple * 3 + role);
  }

  /** The ranges of the i-th triple. */
  at(triple: number): TriplePosition {
    return {
      subject: this.ranges.get(this.rangeIndex(triple, 0)),
      predicate: this.ranges.get(this.rangeIndex(triple, 1)),
      object: this.ranges.get(this.rangeIndex(triple, 2)),
    };
  }
}

/** A Turtle syntax error at a position. */
export interface TurtleSyntaxError {
  message: string;
  range: Range;
}

export interface ParsedTurtle {
  /** The quads read before any error, in the order n3 emitted them. */
  quads: RDF.Quad[];
  /** `positions.at(i)` belongs to `quads[i]`. */
  positions: TriplePositions;
  /** Prefixes declared in the document. */
  prefixes: Record<string, string>;
  error?: TurtleSyntaxError;
}

export interface ParseTurtleOptions {
  baseIRI?: string;
}

function tokenRange(token: Token): Range {
  return {
    start: { line: token.line - 1, character: token.start },
    end: { line: (token.endLine ?? token.line) - 1, character: token.end },
  };
}

/**
 * Parses Turtle, returning the quads with the source range of each triple's terms. Never rejects:
 * a syntax error ends parsing and is returned with the offending token's range.
 */
export async function parseTurtle(text: string, options: ParseTurtleOptions = {}): Promise<ParsedTurtle> {
  const positions = new TriplePositions();
  const table = positions.ranges;
  // A plain Map, dropped with the parse: a WeakMap of 300,000 terms costs far more in GC.
  const termRanges = new Map<object, number>();
  const quads: RDF.Quad[] = [];
  let current: Token | undefined;
  let currentIndex = -1;
  let lastLiteral: Token | undefined;

  /** The range index of the token being read, stored on first use. */
  const here = (): number => {
    if (currentIndex < 0) {
      const t = current!;
      currentIndex = table.push(t.line - 1, t.start, (t.endLine ?? t.line) - 1, t.end);
    }
    return currentIndex;
  };
  const verbs = new GrammarMirror(here);
  // Named nodes are interned: one object per IRI instead of one per occurrence (a large brand
  // repeats its IRIs tens of thousands of times). An interned term's range is that of its latest
  // occurrence, which is right for an object (emitted at the punctuation after it); a named
  // subject takes its range from the grammar mirror instead, as its statement may mention it again.
  const interned = new Map<string, RDF.NamedNode>();
  // Terms created outside any token (n3's shared rdf:nil, rdf:first, `a`) stay untagged, so they
  // take the range of whichever token emits them.
  const tag = <T extends object>(term: T): T => {
    if (current !== undefined) termRanges.set(term, here());
    return term;
  };
  const rangeOf = (term: RDF.Term): number => termRanges.get(term) ?? here();

  const factory = {
    ...DataFactory,
    namedNode: (iri: string) => {
      let node = interned.get(iri);
      if (node === undefined) interned.set(iri, (node = DataFactory.namedNode(iri)));
      return tag(node);
    },
    blankNode: (name?: string) => tag(DataFactory.blankNode(name)),
    literal: (value: string, langOrType?: string | RDF.NamedNode) => {
      const literal = makeLiteral(value, langOrType);
      if (current === undefined || lastLiteral === undefined || current === lastLiteral) return tag(literal);
      // The string token, through the datatype or language tag when that is the current token.
      const to = DATATYPE_TOKENS.has(current.type) ? current : lastLiteral;
      termRanges.set(literal, table.push(lastLiteral.line - 1, lastLiteral.start, (to.endLine ?? to.line) - 1, to.end));
      return literal;
    },
    quad: (s: RDF.Quad_Subject, p: RDF.Quad_Predicate, o: RDF.Quad_Object, g?: RDF.Quad_Graph) => {
      const quad = DataFactory.quad(s, p, o, g);
      const object = rangeOf(o);
      const verb = verbs.verb;
      quads.push(quad);
      const subject = s.termType === 'NamedNode' ? verbs.subject : -1;
      positions.terms.push(subject >= 0 ? subject : rangeOf(s));
      // Collections' rdf:first/rdf:rest have no verb token; point at the item instead.
      positions.terms.push(verb >= 0 && !isCollectionPredicate(p) ? verb : object);
      positions.terms.push(object);
      return quad;
    },
  };

  const prefixes: Record<string, string> = {};
  const parser = new Parser({ format: 'text/turtle', baseIRI: options.baseIRI, factory: factory as unknown as RDF.DataFactory });
  // With an onQuad callback n3 streams tokens from the lexer to the parser (in one microtask);
  // without one, token observers make it collect every token in an array first, which on a
  // 100,000-triple brand costs more than the parse itself in garbage collection.
  const error = await new Promise<TurtleSyntaxError | undefined>((resolve) => {
    const parse = parser.parse as unknown as (input: string, callbacks: object) => void;
    try {
      parse.call(parser, text, {
        onQuad: (err: Error | null, quad: RDF.Quad | null) => {
          if (err) resolve(syntaxError(err, text));
          else if (quad === null) resolve(undefined);
        },
        onToken: (token: Token) => {
          current = token;
          currentIndex = -1;
          if (token.type === 'literal') lastLiteral = token;
          verbs.enter(token);
        },
        onTokenEnd: (token: Token) => verbs.leave(token),
        onPrefix: (prefix: string, iri: RDF.NamedNode) => {
          prefixes[prefix] = iri.value;
        },
      });
    } catch (cause) {
      resolve(syntaxError(cause, text));
    }
  });
  return { quads, positions, prefixes, ...(error ? { error } : {}) };
}

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
function isCollectionPredicate(p: RDF.Term): boolean {
  return p.value === `${RDF_NS}first` || p.value === `${RDF_NS}rest`;
}

interface N3ErrorContext {
  token?: Token;
  line?: number;
  previousToken?: Token;
}

/** Turns an n3 parse error into a message and range (the token at fault, else its line). */
function syntaxError(cause: unknown, text: string): TurtleSyntaxError {
  const err = cause instanceof Error ? cause : new Error(String(cause));
  const context = (err as Error & { context?: N3ErrorContext }).context;
  const message = err.message.replace(/ on line \d+\.?$/, '');
  if (context?.token && context.token.type !== 'eof') return { message, range: tokenRange(context.token) };
  const lines = text.split(/\r\n|\r|\n/);
  const lineNo = Math.max(0, Math.min((context?.line ?? context?.token?.line ?? lines.length) - 1, lines.length - 1));
  const lineText = lines[lineNo] ?? '';
  const previous = context?.previousToken;
  const start = previous && (previous.endLine ?? previous.line) - 1 === lineNo ? previous.end : 0;
  const from = lineText.slice(start).search(/\S/);
  const character = from < 0 ? lineText.length : start + from;
  return { message, range: { start: { line: lineNo, character }, end: { line: lineNo, character: Math.max(character, lineText.length) } } };
}
