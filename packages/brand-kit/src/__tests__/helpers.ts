import { readFileSync } from 'node:fs';
import type { Range } from '../model.js';

/** Reads a fixture from __fixtures__/. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

/** Path of the Northwind example brand graph, from the repository root. */
export const NORTHWIND_BRAND = new URL('../../../../examples/northwind/.brandsafe/brand.ttl', import.meta.url);
export const NORTHWIND_SELECTORS = new URL('../../../../examples/northwind/snapshots/selectors.json', import.meta.url);

/** A range written compactly: [startLine, startChar, endLine, endChar], all 0-based. */
export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The text a range covers. */
export function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line]!.slice(r.start.character, r.end.character);
  return [
    lines[r.start.line]!.slice(r.start.character),
    ...lines.slice(r.start.line + 1, r.end.line),
    lines[r.end.line]!.slice(0, r.end.character),
  ].join('\n');
}

export const PREFIXES = `@prefix bs: <https://brandsafe.dev/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.test/brand#> .
`;
