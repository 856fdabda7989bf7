/** Namespaces used by brand graphs. */
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';

/** A namespace: call it with a local name to get the term, read `iri` for the namespace IRI. */
export interface Namespace {
  (localName: string): NamedNode;
  readonly iri: string;
}

function namespace(iri: string): Namespace {
  return Object.assign((localName: string) => DataFactory.namedNode(iri + localName), { iri });
}

/** The brandsafe vocabulary, `https://brandsafe.dev/ns#` (see ontology/bs.ttl). */
export const BS = namespace('https://brandsafe.dev/ns#');
/** The brandsafe shapes, `https://brandsafe.dev/shapes#` (see shapes/brand.shacl.ttl). */
export const BSH = namespace('https://brandsafe.dev/shapes#');
export const RDF_NS = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
export const RDFS = namespace('http://www.w3.org/2000/01/rdf-schema#');
export const XSD = namespace('http://www.w3.org/2001/XMLSchema#');
export const SH = namespace('http://www.w3.org/ns/shacl#');
export const OWL = namespace('http://www.w3.org/2002/07/owl#');

/** The local name of an IRI: what follows its last `#` or `/`. */
export function localName(iri: string): string {
  const i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  return i >= 0 ? iri.slice(i + 1) : iri;
}

/** Full IRIs of the bs: terms the loader reads. */
export const bs = {
  Brand: `${BS.iri}Brand`,
  PageType: `${BS.iri}PageType`,
  ApprovedSelector: `${BS.iri}ApprovedSelector`,
  CodeRule: `${BS.iri}CodeRule`,
  ForbiddenCallRule: `${BS.iri}ForbiddenCallRule`,
  RequiredWrapperRule: `${BS.iri}RequiredWrapperRule`,
  NetworkAllowlistRule: `${BS.iri}NetworkAllowlistRule`,
  SizeBudgetRule: `${BS.iri}SizeBudgetRule`,
  Template: `${BS.iri}Template`,
  name: `${BS.iri}name`,
  version: `${BS.iri}version`,
  description: `${BS.iri}description`,
  domain: `${BS.iri}domain`,
  rulePack: `${BS.iri}rulePack`,
  urlPattern: `${BS.iri}urlPattern`,
  css: `${BS.iri}css`,
  pageType: `${BS.iri}pageType`,
  stability: `${BS.iri}stability`,
  severity: `${BS.iri}severity`,
  message: `${BS.iri}message`,
  docs: `${BS.iri}docs`,
  callee: `${BS.iri}callee`,
  wrapper: `${BS.iri}wrapper`,
  allowedDomain: `${BS.iri}allowedDomain`,
  maxBytes: `${BS.iri}maxBytes`,
  testType: `${BS.iri}testType`,
  body: `${BS.iri}body`,
  parameter: `${BS.iri}parameter`,
  parameterName: `${BS.iri}parameterName`,
  parameterType: `${BS.iri}parameterType`,
  required: `${BS.iri}required`,
  default: `${BS.iri}default`,
  order: `${BS.iri}order`,
  rdfType: `${RDF_NS.iri}type`,
  label: `${RDFS.iri}label`,
} as const;
