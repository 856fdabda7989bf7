/**
 * The seam between the language server and the pure domain packages (@brandsafe/rules,
 * @brandsafe/brand-kit, @brandsafe/selectors). Everything the server needs from them goes through
 * {@link Engine}, so the check the editor shows is the very function `brandsafe check` runs.
 */
import type { Brand, BrandProblem, Position, Range } from '@brandsafe/brand-kit';
import type { CheckInput, CheckOptions, CheckResult, RuleMeta, SelectorUse } from '@brandsafe/rules';

/** The position index over a loaded Turtle graph that brand-kit keeps beside the model. */
export interface GraphIndex {
  /** Ranges where `iri` is the subject of a triple (its description), in document order. */
  subjectLocations(iri: string): Range[];
  termLocations(iri: string): Range[];
  quadAt(position: Position): unknown;
}

export interface LoadedBrand {
  brand?: Brand;
  problems: BrandProblem[];
  graph?: GraphIndex;
}

/** A term of the bs: vocabulary, as brand-kit describes it (rdfs:label / rdfs:comment). */
export interface VocabularyTerm {
  iri: string;
  label?: string;
  comment?: string;
}

/** How many elements a selector matches in one stored page snapshot. */
export interface SnapshotMatch {
  snapshot: string;
  count: number;
}

export interface Engine {
  check(input: CheckInput, options: CheckOptions): CheckResult;
  /** Parses, SHACL-validates and models a brand graph; problems are reported, never thrown. */
  loadBrand(text: string, options: { file?: string }): Promise<LoadedBrand>;
  readonly rules: readonly RuleMeta[];
  /** Every selector use in a file with its exact range (empty when the file does not parse). */
  selectorsIn(input: CheckInput): SelectorUse[];
  vocabulary(): readonly VocabularyTerm[];
  /** Match counts of `css` in each page snapshot of the brand rooted at `root`; empty when there are none. */
  snapshotMatches(css: string, root: string): Promise<SnapshotMatch[]>;
}
