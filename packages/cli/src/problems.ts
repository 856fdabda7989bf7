import type { BrandProblem } from '@brandsafe/brand-kit';

const PREFIXES: [string, string][] = [
  ['http://www.w3.org/ns/shacl#', 'sh:'],
  ['https://brandsafe.dev/shapes#', 'bsh:'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:'],
  ['http://www.w3.org/2000/01/rdf-schema#', 'rdfs:'],
  ['http://www.w3.org/2001/XMLSchema#', 'xsd:'],
];

/** `sh:MinCountConstraintComponent` rather than the full IRI: what people write in shapes. */
export function compactIri(iri: string): string {
  for (const [ns, prefix] of PREFIXES) if (iri.startsWith(ns)) return prefix + iri.slice(ns.length);
  return iri;
}

/**
 * One brand problem as a compiler-style line, `file:line:col: severity message [constraint]`,
 * with 1-based line and column (GNU error format, which editors and CI annotators link).
 * The bracket holds the SHACL constraint component, or the problem kind when there is none.
 */
export function formatProblem(file: string, problem: BrandProblem): string {
  const { line, character } = problem.range.start;
  const tag = problem.constraint ? compactIri(problem.constraint) : problem.kind;
  return `${file}:${line + 1}:${character + 1}: ${problem.severity} ${problem.message} [${tag}]`;
}

/** Problems in file order, so the first line printed is the first thing to fix. */
export function sortProblems(problems: readonly BrandProblem[]): BrandProblem[] {
  return [...problems].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
