/**
 * Checks of a brand graph against the ontology that SHACL Core cannot express cheaply: terms the
 * vocabulary does not define, properties used on the wrong kind of item (rdfs:domain), and
 * template placeholders no parameter declares. Reported as `model` problems at the term at fault.
 */
import { DataFactory } from 'n3';
import type { BrandGraph } from './graph.js';
import type { Brand, BrandProblem } from './model.js';
import { BS, bs, localName } from './namespace.js';
import { vocabulary } from './vocabulary.js';

const ROLES = ['subject', 'predicate', 'object'] as const;

/** bs: IRIs the ontology does not define: a typo such as bs:ApprovedSelectr is otherwise silent. */
export function unknownTerms(graph: BrandGraph, file: string | undefined): BrandProblem[] {
  const known = new Set(vocabulary().map((t) => t.iri));
  const unknown = new Set<string>();
  const problems: BrandProblem[] = [];
  // Named nodes are interned by the parser, so each distinct term object is looked at once.
  const seen = new Set<object>();
  const quads = graph.quads;
  for (let i = 0; i < quads.length; i++) {
    const quad = quads[i]!;
    for (const role of ROLES) {
      const term = quad[role];
      if (term.termType !== 'NamedNode') continue;
      if (seen.has(term)) {
        if (!unknown.has(term.value)) continue;
      } else {
        seen.add(term);
        if (!term.value.startsWith(BS.iri) || known.has(term.value)) continue;
        unknown.add(term.value);
      }
      problems.push({
        kind: 'model',
        severity: 'error',
        message: `bs:${localName(term.value)} is not a term of the brandsafe vocabulary`,
        range: graph.rangeOf(i, role),
        ...(file === undefined ? {} : { file }),
      });
    }
  }
  return problems;
}

/** Template bodies that use a {{placeholder}} no parameter declares. */
export function undeclaredPlaceholders(graph: BrandGraph, brand: Brand, file: string | undefined): BrandProblem[] {
  const problems: BrandProblem[] = [];
  for (const template of brand.templates) {
    const names = new Set(template.parameters.map((p) => p.name));
    const missing = [...template.body.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)]
      .map((m) => m[1]!)
      .filter((n, i, all) => !names.has(n) && all.indexOf(n) === i);
    if (missing.length === 0) continue;
    const body = graph.triples(template.iri, bs.body)[0];
    problems.push({
      kind: 'model',
      severity: 'error',
      message: `The body of template ${template.id} uses ${missing.map((n) => `{{${n}}}`).join(', ')}, which no bs:parameter declares`,
      range: body?.object ?? template.location?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      focusNode: template.iri,
      path: bs.body,
      ...(file === undefined ? {} : { file }),
    });
  }
  return problems;
}

const UNKNOWN = new Set<string>();

/** The bs: classes a subject is an instance of, with their superclasses. */
function classesOf(types: Iterable<string>, superClasses: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  const pending = [...types];
  for (let t = pending.pop(); t !== undefined; t = pending.pop()) {
    if (out.has(t)) continue;
    out.add(t);
    pending.push(...(superClasses.get(t) ?? []));
  }
  return out;
}

/**
 * bs: properties written on an item outside their rdfs:domain (bs:css on a template), and on a
 * subject that has no bs: type at all (a selector whose `a bs:ApprovedSelector` was forgotten is
 * otherwise silently not a selector). Objects of bs:parameter are template parameters without
 * needing a type. Other vocabularies' properties (rdfs:seeAlso, dcterms:...) are left alone.
 * This replaces sh:closed on the node shapes: same protection for bs: terms, a fraction of the
 * cost on a large brand, and open to annotations from other vocabularies.
 */
export function misplacedProperties(graph: BrandGraph, file: string | undefined): BrandProblem[] {
  const terms = vocabulary();
  const domains = new Map(terms.filter((t) => t.kind === 'property' && t.domain?.length).map((t) => [t.iri, t.domain!]));
  const superClasses = new Map(terms.filter((t) => t.kind === 'class').map((t) => [t.iri, t.superClasses ?? []]));
  const rdfType = DataFactory.namedNode(bs.rdfType);
  const parameters = new Set([...graph.dataset.match(null, DataFactory.namedNode(bs.parameter))].map((q) => q.object.value));
  const classCache = new Map<string, Set<string>>();
  const problems: BrandProblem[] = [];
  const quads = graph.quads;
  for (let i = 0; i < quads.length; i++) {
    const quad = quads[i]!;
    const domain = domains.get(quad.predicate.value);
    if (domain === undefined) continue;
    const subject = quad.subject;
    let classes = classCache.get(subject.value);
    if (classes === undefined) {
      const types = [...graph.dataset.match(subject, rdfType)].map((q) => q.object.value).filter((t) => t.startsWith(BS.iri));
      if (parameters.has(subject.value)) types.push(`${BS.iri}TemplateParameter`);
      // A subject typed with an unknown bs: class is reported once, as an unknown term.
      classes = types.some((t) => !superClasses.has(t)) ? UNKNOWN : classesOf(types, superClasses);
      classCache.set(subject.value, classes);
    }
    if (classes === UNKNOWN || domain.some((d) => classes.has(d))) continue;
    const name = `bs:${localName(quad.predicate.value)}`;
    const expected = domain.map((d) => `bs:${localName(d)}`).join(' or ');
    const message = classes.size === 0
      ? `${name} is used on a subject with no bs: type; add \`a ${expected}\` (or it is not part of the brand)`
      : `${name} is not a property of ${[...classes].map((c) => `bs:${localName(c)}`).join('/')}; it applies to ${expected}`;
    problems.push({
      kind: 'model',
      severity: 'error',
      message,
      range: graph.rangeOf(i, 'predicate'),
      focusNode: subject.value,
      path: quad.predicate.value,
      ...(file === undefined ? {} : { file }),
    });
  }
  return problems;
}
