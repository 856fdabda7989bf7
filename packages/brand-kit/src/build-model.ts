/**
 * Builds the typed Brand model from a brand graph.
 *
 * The model is built even from a graph with SHACL violations, so an editor keeps working while a
 * file is being edited; SHACL reports what is wrong. Items that cannot be used safely are left out
 * (a selector without bs:css, a rule without a known kind, a template without a body), and unknown
 * enumeration values fall back to the cautious choice: stability `volatile`, severity `error`,
 * parameter type `text` (emitted escaped).
 */
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import type { BrandGraph } from './graph.js';
import type {
  ApprovedSelector, Brand, BrandProblem, CodeRule, CodeRuleKind, PageType, Severity, SourceLocation, Stability,
  Template, TemplateParameter, TemplateParameterType,
} from './model.js';
import { BS, bs, localName } from './namespace.js';

const { namedNode } = DataFactory;
const RDF_TYPE = namedNode(bs.rdfType);

const STABILITIES = new Set<Stability>(['stable', 'volatile', 'experimental', 'deprecated']);
const SEVERITIES = new Set<Severity>(['error', 'warning', 'info']);
const PARAMETER_TYPES = new Set<TemplateParameterType>(['selector', 'text', 'number', 'boolean', 'url', 'color']);
const RULE_KINDS: ReadonlyArray<[string, CodeRuleKind]> = [
  [bs.ForbiddenCallRule, 'forbidden-call'],
  [bs.RequiredWrapperRule, 'required-wrapper'],
  [bs.NetworkAllowlistRule, 'network-allowlist'],
  [bs.SizeBudgetRule, 'size-budget'],
];

/** Reads values of one subject's properties. */
class Reader {
  constructor(private readonly graph: BrandGraph, private readonly file: string | undefined) {}

  private readonly predicates = new Map<string, RDF.NamedNode>();

  values(subject: RDF.Term, predicate: string): RDF.Term[] {
    let p = this.predicates.get(predicate);
    if (p === undefined) this.predicates.set(predicate, (p = namedNode(predicate)));
    const out: RDF.Term[] = [];
    for (const q of this.graph.dataset.match(subject, p)) out.push(q.object);
    return out;
  }

  string(subject: RDF.Term, predicate: string): string | undefined {
    return this.values(subject, predicate).find((t) => t.termType === 'Literal')?.value;
  }

  strings(subject: RDF.Term, predicate: string): string[] {
    return this.values(subject, predicate).filter((t) => t.termType === 'Literal').map((t) => t.value);
  }

  /** Local names of IRI values (bs:stable → `stable`), literals as written. */
  names(subject: RDF.Term, predicate: string): string[] {
    return this.values(subject, predicate).map((t) => (t.termType === 'NamedNode' ? localName(t.value) : t.value));
  }

  instances(cls: string): RDF.Term[] {
    return [...this.graph.dataset.match(null, RDF_TYPE, namedNode(cls))].map((q) => q.subject);
  }

  location(subject: RDF.Term): SourceLocation | undefined {
    const range = this.graph.subjectLocations(subject)[0];
    if (!range) return undefined;
    return this.file === undefined ? { range } : { file: this.file, range };
  }
}

function pick<T extends string>(allowed: Set<T>, value: string | undefined, fallback: T): T {
  return value !== undefined && allowed.has(value as T) ? (value as T) : fallback;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function pageType(r: Reader, node: RDF.Term): PageType {
  return {
    iri: node.value,
    id: localName(node.value),
    label: r.string(node, bs.label) ?? localName(node.value),
    ...optional('urlPattern', r.string(node, bs.urlPattern)),
    ...optional('location', r.location(node)),
  };
}

function selector(r: Reader, node: RDF.Term): ApprovedSelector | undefined {
  const css = r.string(node, bs.css);
  if (css === undefined) return undefined;
  return {
    iri: node.value,
    id: localName(node.value),
    css,
    pageTypes: r.names(node, bs.pageType),
    stability: pick(STABILITIES, r.names(node, bs.stability)[0], 'volatile'),
    ...optional('description', r.string(node, bs.description)),
    ...optional('label', r.string(node, bs.label)),
    ...optional('location', r.location(node)),
  };
}

function rule(r: Reader, node: RDF.Term): CodeRule | undefined {
  const types = new Set(r.values(node, bs.rdfType).map((t) => t.value));
  const kind = RULE_KINDS.find(([cls]) => types.has(cls))?.[1];
  if (kind === undefined) return undefined;
  const maxBytes = Number.parseInt(r.string(node, bs.maxBytes) ?? '', 10);
  const docs = r.values(node, bs.docs)[0]?.value;
  return {
    iri: node.value,
    id: localName(node.value),
    kind,
    severity: pick(SEVERITIES, r.names(node, bs.severity)[0], 'error'),
    message: r.string(node, bs.message) ?? `Brand rule ${localName(node.value)}`,
    ...optional('docsUrl', docs),
    ...(kind === 'forbidden-call' ? { callees: r.strings(node, bs.callee) } : {}),
    ...(kind === 'required-wrapper' ? optional('wrapper', r.string(node, bs.wrapper)) : {}),
    ...(kind === 'network-allowlist' ? { allowedDomains: r.strings(node, bs.allowedDomain) } : {}),
    ...(kind === 'size-budget' && Number.isFinite(maxBytes) ? { maxBytes } : {}),
    ...optional('location', r.location(node)),
  };
}

function parameter(r: Reader, node: RDF.Term): TemplateParameter & { order: number } {
  const def = r.string(node, bs.default);
  const required = r.string(node, bs.required);
  const order = Number.parseInt(r.string(node, bs.order) ?? '', 10);
  return {
    name: r.string(node, bs.parameterName) ?? '',
    type: pick(PARAMETER_TYPES, r.names(node, bs.parameterType)[0], 'text'),
    ...optional('description', r.string(node, bs.description)),
    // Absent bs:required: required unless a default is given (ontology, bs:required).
    required: required === undefined ? def === undefined : required === 'true' || required === '1',
    ...optional('default', def),
    ...optional('pageType', r.names(node, bs.pageType)[0]),
    order: Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER,
  };
}

function template(r: Reader, node: RDF.Term): Template | undefined {
  const body = r.string(node, bs.body);
  if (body === undefined) return undefined;
  const parameters = r
    .values(node, bs.parameter)
    .map((p) => parameter(r, p))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map(({ order: _order, ...p }) => p);
  return {
    iri: node.value,
    id: localName(node.value),
    label: r.string(node, bs.label) ?? localName(node.value),
    testType: r.string(node, bs.testType) ?? '',
    ...optional('description', r.string(node, bs.description)),
    parameters,
    body,
    pageTypes: r.names(node, bs.pageType),
    ...optional('location', r.location(node)),
  };
}

export interface BuiltModel {
  brand?: Brand;
  problems: BrandProblem[];
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Builds the brand of the graph. A brand graph describes one brand: with none, there is no model
 * (one `model` error at the start of the file); with several, the first in document order is
 * loaded and each further bs:Brand subject gets a `model` error at its first occurrence, because
 * it is ambiguous which brand's rules the file's items belong to.
 */
export function buildModel(graph: BrandGraph, file?: string): BuiltModel {
  const r = new Reader(graph, file);
  const at = (range = ORIGIN): Pick<BrandProblem, 'range' | 'file'> => ({ range, ...optional('file', file) });
  const brands = r.instances(bs.Brand);
  const problems: BrandProblem[] = [];
  const [node, ...extra] = brands;
  if (node === undefined) {
    problems.push({ kind: 'model', severity: 'error', message: `The graph declares no brand: add a subject of type ${BS.iri}Brand (bs:Brand)`, ...at() });
    return { problems };
  }
  for (const other of extra) {
    problems.push({
      kind: 'model',
      severity: 'error',
      message: `A brand graph describes one brand; ${localName(other.value)} is a second bs:Brand (the first, ${localName(node.value)}, was loaded). Move it to its own file.`,
      focusNode: other.value,
      ...at(graph.subjectLocations(other)[0]),
    });
  }
  const rules = [bs.CodeRule, ...RULE_KINDS.map(([cls]) => cls)].flatMap((cls) => r.instances(cls));
  const brand: Brand = {
    iri: node.value,
    id: localName(node.value),
    name: r.string(node, bs.name) ?? localName(node.value),
    ...optional('version', r.string(node, bs.version)),
    ...optional('description', r.string(node, bs.description)),
    domains: r.strings(node, bs.domain),
    pageTypes: r.instances(bs.PageType).map((n) => pageType(r, n)),
    selectors: r.instances(bs.ApprovedSelector).flatMap((n) => selector(r, n) ?? []),
    rules: unique(rules).flatMap((n) => rule(r, n) ?? []).sort(bySource),
    templates: r.instances(bs.Template).flatMap((n) => template(r, n) ?? []),
    rulePacks: r.names(node, bs.rulePack),
    ...optional('location', r.location(node)),
  };
  return { brand, problems };
}

/** Document order of the items' first occurrences (items without one last). */
function bySource(a: { location?: SourceLocation }, b: { location?: SourceLocation }): number {
  const pa = a.location?.range.start;
  const pb = b.location?.range.start;
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  return pa.line - pb.line || pa.character - pb.character;
}

function unique(terms: RDF.Term[]): RDF.Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.value) && (seen.add(t.value), true));
}
