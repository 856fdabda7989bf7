/** The positional tree scan.ts produces: every part of a selector with its offset and length. */
import type { SelectorParseError } from './types.js';

export interface Span {
  offset: number;
  length: number;
}
export type SimpleKind = 'tag' | 'universal' | 'id' | 'class' | 'attribute' | 'pseudo-class' | 'pseudo-element';
export interface ScannedSimple extends Span {
  kind: SimpleKind;
  /** Unescaped name: tag, id, class, attribute name or pseudo name (pseudo names lower-cased). */
  name: string;
  /** Attribute value (unescaped, unquoted); absent for `[attr]`. */
  value?: string;
  /** Attribute operator: `=`, `~=`, `|=`, `^=`, `$=`, `*=` (or jQuery's `!=`). */
  operator?: string;
  /** Raw argument text of a functional pseudo, and where it starts. */
  args?: Span & { text: string };
  /** Parsed argument of selector-list pseudos (`:not()`, `:is()`, `:where()`, `:has()` …). */
  list?: ScannedComplex[];
}
export interface ScannedCompound extends Span {
  simples: ScannedSimple[];
}
export type CombinatorKind = ' ' | '>' | '+' | '~' | '||';
export interface ScannedCombinator extends Span {
  kind: CombinatorKind;
}
export interface ScannedComplex extends Span {
  compounds: ScannedCompound[];
  /** combinators[i] joins compounds[i] and compounds[i + 1]; a leading one (in `:has(> a)`) is `leading`. */
  combinators: ScannedCombinator[];
  leading?: ScannedCombinator;
}
export interface ScanResult {
  list: ScannedComplex[];
  error?: SelectorParseError;
}
