/**
 * RDF terms for parsed brand graphs: n3's terms, with literals that keep their parts.
 *
 * n3's Literal stores only its N-Triples-like id and recomputes `value`, `language` and
 * `datatype` (a new NamedNode each time) on every read. SHACL validation reads them for every
 * value node (sh:datatype, sh:pattern, sh:in, term keys), so on a large brand those recomputations
 * are a good share of the allocations. These literals compute the parts once; they remain n3
 * Literals (same id, same equality), so n3's Store, Writer and termToId treat them as usual.
 */
import { DataFactory, Literal, NamedNode } from 'n3';
import type * as RDF from '@rdfjs/types';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

const datatypes = new Map<string, NamedNode>();
function datatypeNode(iri: string): NamedNode {
  let node = datatypes.get(iri);
  if (node === undefined) datatypes.set(iri, (node = new NamedNode(iri)));
  return node;
}

/** An n3 Literal that keeps its value, language and datatype next to its id. */
class CachedLiteral extends Literal {
  readonly cachedValue: string;
  readonly cachedLanguage: string;
  readonly cachedDatatype: NamedNode;

  constructor(id: string, value: string, language: string, datatype: NamedNode) {
    super(id);
    this.cachedValue = value;
    this.cachedLanguage = language;
    this.cachedDatatype = datatype;
  }
}

// The n3 typings declare value/language/datatype as properties, so TypeScript refuses accessor
// overrides; define them on the prototype once instead (no per-instance cost).
Object.defineProperties(CachedLiteral.prototype, {
  value: { get(this: CachedLiteral) { return this.cachedValue; } },
  language: { get(this: CachedLiteral) { return this.cachedLanguage; } },
  datatype: { get(this: CachedLiteral) { return this.cachedDatatype; } },
  datatypeString: { get(this: CachedLiteral) { return this.cachedDatatype.value; } },
});

/** Creates a literal as n3's DataFactory.literal does for a language tag or a datatype IRI. */
export function literal(value: string, languageOrDatatype?: string | RDF.NamedNode): RDF.Literal {
  if (typeof languageOrDatatype === 'string') {
    const language = languageOrDatatype.toLowerCase();
    return new CachedLiteral(`"${value}"@${language}`, value, language, datatypeNode(RDF_LANG_STRING));
  }
  if (languageOrDatatype === undefined || languageOrDatatype.value === XSD_STRING) {
    return new CachedLiteral(`"${value}"`, value, '', datatypeNode(XSD_STRING));
  }
  if (languageOrDatatype.termType === 'NamedNode') {
    const iri = languageOrDatatype.value;
    return new CachedLiteral(`"${value}"^^${iri}`, value, '', datatypeNode(iri));
  }
  // Directional language strings (RDF 1.2) and anything else: n3's own implementation.
  return DataFactory.literal(value, languageOrDatatype);
}

/**
 * n3's data factory with one object per IRI and {@link literal}s: what parseTurtle gives its
 * terms, without positions. SHACL reads every value's parts, so on a large brand it validates
 * about a quarter faster over these terms than over n3's own (the worker thread parses with it).
 */
export function parsingFactory(): RDF.DataFactory {
  const interned = new Map<string, RDF.NamedNode>();
  return {
    ...(DataFactory as unknown as RDF.DataFactory),
    namedNode: <I extends string>(iri: I): RDF.NamedNode<I> => {
      let node = interned.get(iri);
      if (node === undefined) interned.set(iri, (node = DataFactory.namedNode(iri)));
      return node as RDF.NamedNode<I>;
    },
    literal,
  };
}
