/**
 * The checker's public data shapes: findings, fixes, rule metadata and check options.
 * The language server, the CLI and the API's approval gate all consume exactly these.
 */
import type { Brand, Range, Severity } from '@brandsafe/brand-kit';

export type { Range, Position, Severity } from '@brandsafe/brand-kit';

/** A text edit in the checked document (LSP TextEdit shape). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix the user can apply: a titled set of edits to the checked document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True for the fix to apply in "fix all" (source.fixAll.brandsafe). */
  preferred?: boolean;
}

export interface Finding {
  /** `<pack>/<rule-name>`, e.g. `recommended/no-eval`, `brand/unapproved-selector`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Exact range of the offending code (0-based). */
  range: Range;
  /** Link to the rule's documentation page. */
  docsUrl?: string;
  fixes?: Fix[];
  /** For brand rules: the id of the brand graph's code rule that produced the finding. */
  brandRule?: string;
}

export type Language = 'javascript' | 'typescript' | 'css';

export interface CheckInput {
  text: string;
  /** Used to pick the language when `language` is not given and in messages. */
  filename?: string;
  language?: Language;
}

/** Per-rule override: a severity or `off`. */
export type RuleSetting = Severity | 'off';

export interface CheckOptions {
  /** The brand to check against; without one, brand rules are skipped (and reported as skipped). */
  brand?: Brand;
  /** Severity overrides keyed by rule id. */
  rules?: Record<string, RuleSetting>;
  /** Page type the file targets (narrows approved selectors), if the caller knows it. */
  pageType?: string;
  /**
   * Class/id name prefixes that mark elements the variation itself creates (default
   * {@link DEFAULT_OWNED_PREFIXES}): selectors made only of such names need no brand approval.
   */
  ownedPrefixes?: readonly string[];
}

export interface SkippedRule {
  ruleId: string;
  reason: string;
}

export interface CheckResult {
  findings: Finding[];
  skipped: SkippedRule[];
}

export interface RuleMeta {
  id: string;
  pack: 'recommended' | 'optimizely-web' | 'brand';
  description: string;
  defaultSeverity: Severity;
  docsUrl: string;
  requiresBrand: boolean;
  fixable: boolean;
}
