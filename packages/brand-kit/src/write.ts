/** Writing a Brand model back to Turtle (n3 Writer), so a loaded or generated brand can be saved. */
import { DataFactory, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import type { Brand, CodeRuleKind } from './model.js';
import { BS, RDFS, XSD, bs } from './namespace.js';

const { namedNode, literal, quad } = DataFactory;

const KIND_CLASS: Record<CodeRuleKind, string> = {
  'forbidden-call': bs.ForbiddenCallRule,
  'required-wrapper': bs.RequiredWrapperRule,
  'network-allowlist': bs.NetworkAllowlistRule,
  'size-budget': bs.SizeBudgetRule,
};

/** The namespace of the brand's own IRIs (up to the last `#` or `/`), used as the `brand:` prefix. */
function brandNamespace(iri: string): string {
  return iri.slice(0, Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
}

/**
 * Serialises a brand as Turtle with the prefixes bs, rdfs, xsd and `brand` (the brand IRI's
 * namespace). `loadBrand(brandToTurtle(b))` gives back `b` (apart from source locations).
 * Page types, rule packs and enumerations referenced by id are written as IRIs: a page type id is
 * resolved through `brand.pageTypes`, a rule pack id in the bs: namespace.
 */
export function brandToTurtle(brand: Brand): string {
  const ns = brandNamespace(brand.iri);
  const writer = new Writer({ prefixes: { bs: BS.iri, rdfs: RDFS.iri, xsd: XSD.iri, ...(ns ? { brand: ns } : {}) } });
  const a = namedNode(bs.rdfType);
  const add = (s: RDF.Quad_Subject, p: string, o: RDF.Quad_Object): void => writer.addQuad(quad(s, namedNode(p), o));
  const str = (s: RDF.Quad_Subject, p: string, value: string | undefined): void => {
    if (value !== undefined) add(s, p, literal(value));
  };
  const pageTypeIri = (id: string): RDF.NamedNode =>
    namedNode(brand.pageTypes.find((p) => p.id === id)?.iri ?? `${ns}${id}`);

  const b = namedNode(brand.iri);
  add(b, bs.rdfType, namedNode(bs.Brand));
  str(b, bs.name, brand.name);
  str(b, bs.version, brand.version);
  str(b, bs.description, brand.description);
  for (const d of brand.domains) str(b, bs.domain, d);
  for (const pack of brand.rulePacks) add(b, bs.rulePack, BS(pack));

  for (const p of brand.pageTypes) {
    const s = namedNode(p.iri);
    writer.addQuad(s, a, namedNode(bs.PageType));
    str(s, bs.label, p.label);
    str(s, bs.urlPattern, p.urlPattern);
  }
  for (const sel of brand.selectors) {
    const s = namedNode(sel.iri);
    writer.addQuad(s, a, namedNode(bs.ApprovedSelector));
    str(s, bs.css, sel.css);
    for (const id of sel.pageTypes) add(s, bs.pageType, pageTypeIri(id));
    add(s, bs.stability, BS(sel.stability));
    str(s, bs.label, sel.label);
    str(s, bs.description, sel.description);
  }
  for (const rule of brand.rules) {
    const s = namedNode(rule.iri);
    writer.addQuad(s, a, namedNode(KIND_CLASS[rule.kind]));
    add(s, bs.severity, BS(rule.severity));
    str(s, bs.message, rule.message);
    if (rule.docsUrl !== undefined) add(s, bs.docs, namedNode(rule.docsUrl));
    for (const c of rule.callees ?? []) str(s, bs.callee, c);
    str(s, bs.wrapper, rule.wrapper);
    for (const d of rule.allowedDomains ?? []) str(s, bs.allowedDomain, d);
    if (rule.maxBytes !== undefined) add(s, bs.maxBytes, literal(String(rule.maxBytes), XSD('integer')));
  }
  for (const t of brand.templates) {
    const s = namedNode(t.iri);
    writer.addQuad(s, a, namedNode(bs.Template));
    str(s, bs.label, t.label);
    str(s, bs.testType, t.testType);
    str(s, bs.description, t.description);
    for (const id of t.pageTypes) add(s, bs.pageType, pageTypeIri(id));
    t.parameters.forEach((param, i) => {
      const props: { predicate: RDF.NamedNode; object: RDF.Quad_Object }[] = [
        { predicate: namedNode(bs.parameterName), object: literal(param.name) },
        { predicate: namedNode(bs.parameterType), object: BS(param.type) },
        { predicate: namedNode(bs.required), object: literal(String(param.required), XSD('boolean')) },
        { predicate: namedNode(bs.order), object: literal(String(i + 1), XSD('integer')) },
      ];
      if (param.default !== undefined) props.push({ predicate: namedNode(bs.default), object: literal(param.default) });
      if (param.pageType !== undefined) props.push({ predicate: namedNode(bs.pageType), object: pageTypeIri(param.pageType) });
      if (param.description !== undefined) props.push({ predicate: namedNode(bs.description), object: literal(param.description) });
      writer.addQuad(s, namedNode(bs.parameter), writer.blank(props));
    });
    str(s, bs.body, t.body);
  }
  let output = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    output = result;
  });
  return output;
}
