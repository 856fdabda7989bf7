import type { Brand, BrandProblem } from '@brandsafe/brand-kit';
import type { CheckInput, CheckOptions, CheckResult, Finding, RuleMeta, TextEdit } from '@brandsafe/rules';

/** What the CLI needs from @brandsafe/rules. */
export interface RulesApi {
  check(input: CheckInput, options: CheckOptions): CheckResult;
  RULES: readonly RuleMeta[];
  /** For `--fix`: apply edits to a text (overlapping ones are skipped). */
  applyFixes(text: string, edits: readonly TextEdit[]): { text: string };
  /** For `--fix`: the edits of each finding's preferred fix. */
  preferredEdits(findings: readonly Finding[]): TextEdit[];
}

/** What loading a brand graph gives (see @brandsafe/brand-kit `loadBrand`). */
export interface BrandLoad {
  brand?: Brand;
  problems: BrandProblem[];
}

/** What the CLI needs from @brandsafe/brand-kit. */
export interface BrandKitApi {
  loadBrand(text: string, options?: { file?: string }): BrandLoad | Promise<BrandLoad>;
}

/**
 * The domain packages, loaded on first use: the checker's parsers and the SHACL engine are the
 * heavy part of start-up, and `--help`, `--version` or a usage error should not pay for them
 * (nor should a brand-free run pay for SHACL). Tests pass their own to run without them.
 */
export interface CliDeps {
  rules(): Promise<RulesApi>;
  brandKit(): Promise<BrandKitApi>;
  /**
   * True when `rules` is @brandsafe/rules itself, so worker threads (which import it on their
   * own) check exactly what the main thread would. Stand-ins leave it unset: they run in-thread.
   */
  workers?: boolean;
}

export const defaultDeps: CliDeps = {
  rules: () => import('@brandsafe/rules'),
  brandKit: () => import('@brandsafe/brand-kit'),
  workers: true,
};
