/**
 * Lexical helpers for Turtle documents (W3C RDF 1.1 Turtle §2.4 prefixed names, §6.5 grammar):
 * the prefix declarations of a document and the term under the cursor, tolerant of half-typed
 * text that a parser would reject.
 */
import type { Range } from 'vscode-languageserver';

/** Prefixes people use in brand files, offered when a document has not declared them yet. */
export const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  bs: 'https://brandsafe.dev/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  sh: 'http://www.w3.org/ns/shacl#',
  dcterms: 'http://purl.org/dc/terms/',
};

export const BS_NAMESPACE = WELL_KNOWN_PREFIXES.bs!;

const PREFIX_DECL = /(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>/gi;

/** The prefixes a document declares (`@prefix p: <iri> .` and SPARQL-style `PREFIX p: <iri>`). */
export function declaredPrefixes(text: string): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const m of text.matchAll(PREFIX_DECL)) prefixes.set(m[1] ?? '', m[2]!);
  return prefixes;
}

export interface TurtleTerm {
  /** The IRI the term stands for, when its prefix is declared (or it is written in full). */
  iri?: string;
  prefix?: string;
  local?: string;
  range: Range;
}

const TERM = /<([^<>"{}|^`\\\s]*)>|([A-Za-z][\w.-]*)?:([\w-]*(?:\.[\w-]+)*)/g;

/** The term (prefixed name or `<IRI>`) under the cursor on `lineText`. */
export function termAt(lineText: string, line: number, character: number, prefixes: Map<string, string>): TurtleTerm | undefined {
  for (const m of lineText.matchAll(TERM)) {
    const start = m.index;
    const end = start + m[0].length;
    if (character < start || character > end) continue;
    const range = { start: { line, character: start }, end: { line, character: end } };
    if (m[1] !== undefined) return { iri: m[1], range };
    const prefix = m[2] ?? '';
    const local = m[3] ?? '';
    const ns = prefixes.get(prefix);
    return { prefix, local, range, ...(ns !== undefined ? { iri: ns + local } : {}) };
  }
  return undefined;
}

/** What is being typed before the cursor: a prefix name (`bs`) or a prefixed name (`bs:Appr`). */
export function typingAt(before: string): { prefix: string; local?: string; start: number } | undefined {
  const m = /([A-Za-z][\w-]*)?(?::([\w-]*))?$/.exec(before);
  if (!m || m[0] === '') {
    return /(^|[\s;,([])$/.test(before) ? { prefix: '', start: before.length } : undefined;
  }
  const start = m.index;
  if (start > 0 && !/[\s;,([]/.test(before[start - 1]!)) return undefined;
  return m[2] !== undefined || m[0].endsWith(':')
    ? { prefix: m[1] ?? '', local: m[2] ?? '', start }
    : { prefix: m[1] ?? '', start };
}
