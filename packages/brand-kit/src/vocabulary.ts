/** The bs: vocabulary as data, read from the ontology: for hover and completion in editors. */
import { Parser } from 'n3';
import { ontologyTurtle } from './assets.js';
import { BS, OWL, RDF_NS, RDFS, localName } from './namespace.js';

/** One class, property or individual of the bs: vocabulary. */
export interface VocabularyTerm {
  iri: string;
  localName: string;
  /** `individual` covers the enumerated values (bs:error, bs:stable, bs:selector, bs:recommended...). */
  kind: 'class' | 'property' | 'individual';
  label: string;
  comment: string;
  /** For properties: the rdfs:domain and rdfs:range as IRIs (a union domain gives several). */
  domain?: string[];
  range?: string[];
  /** For individuals: their class. */
  type?: string;
  /** For classes: their direct rdfs:subClassOf superclasses. */
  superClasses?: string[];
}

const CLASS_TYPES = new Set([`${OWL.iri}Class`, `${RDFS.iri}Class`]);
const PROPERTY_TYPES = new Set([`${OWL.iri}ObjectProperty`, `${OWL.iri}DatatypeProperty`, `${RDF_NS.iri}Property`]);

let cached: VocabularyTerm[] | undefined;

/**
 * Every term the ontology defines in the bs: namespace, in the ontology's order, with its label
 * and comment. Parsed once and cached.
 */
export function vocabulary(): VocabularyTerm[] {
  if (cached) return cached;
  const quads = new Parser({ format: 'text/turtle' }).parse(ontologyTurtle());
  const out = (s: string, p: string): string[] =>
    quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
  // A union domain is written as [ owl:unionOf ( ... ) ]: follow the list to its members.
  const members = (node: string): string[] => {
    const union = out(node, `${OWL.iri}unionOf`)[0];
    if (union === undefined) return [node];
    const items: string[] = [];
    for (let cell = union; cell !== `${RDF_NS.iri}nil`; cell = out(cell, `${RDF_NS.iri}rest`)[0] ?? `${RDF_NS.iri}nil`) {
      items.push(...out(cell, `${RDF_NS.iri}first`));
    }
    return items;
  };
  const terms: VocabularyTerm[] = [];
  const seen = new Set<string>();
  for (const q of quads) {
    const iri = q.subject.value;
    if (q.predicate.value !== `${RDF_NS.iri}type` || !iri.startsWith(BS.iri) || seen.has(iri)) continue;
    seen.add(iri);
    const type = q.object.value;
    const kind = CLASS_TYPES.has(type) ? 'class' : PROPERTY_TYPES.has(type) ? 'property' : 'individual';
    const term: VocabularyTerm = {
      iri,
      localName: localName(iri),
      kind,
      label: out(iri, `${RDFS.iri}label`)[0] ?? localName(iri),
      comment: out(iri, `${RDFS.iri}comment`)[0] ?? '',
    };
    if (kind === 'property') {
      term.domain = out(iri, `${RDFS.iri}domain`).flatMap(members);
      term.range = out(iri, `${RDFS.iri}range`);
    }
    if (kind === 'individual') term.type = type;
    if (kind === 'class') term.superClasses = out(iri, `${RDFS.iri}subClassOf`);
    terms.push(term);
  }
  cached = terms;
  return terms;
}
