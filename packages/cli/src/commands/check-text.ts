import type { CheckInput, CheckOptions, CheckResult } from '@brandsafe/rules';
import type { RulesApi } from '../deps.js';

/** ESLint's limit: fixes can enable further fixes, but a rule pair that undoes each other must stop. */
export const MAX_FIX_PASSES = 10;

export interface CheckedText {
  /** The text the findings refer to: the fixed text when fixes were applied. */
  text: string;
  result: CheckResult;
  /** True when `--fix` changed the text. */
  fixed: boolean;
}

/**
 * Checks one text. With `fix`, applies every finding's preferred fix (the editor's "fix all",
 * source.fixAll.brandsafe) and checks again, until nothing more applies or {@link MAX_FIX_PASSES}
 * passes, as `eslint --fix` does; the findings returned are those left in the final text.
 */
export function checkText(
  rules: Pick<RulesApi, 'check' | 'applyFixes' | 'preferredEdits'>,
  text: string,
  filename: string,
  options: CheckOptions,
  fix: boolean,
  language?: CheckInput['language'],
): CheckedText {
  const input = (t: string): CheckInput => ({ text: t, filename, ...(language ? { language } : {}) });
  let current = text;
  let result = rules.check(input(current), options);
  for (let pass = 0; fix && pass < MAX_FIX_PASSES; pass++) {
    const edits = rules.preferredEdits(result.findings);
    if (edits.length === 0) break;
    const next = rules.applyFixes(current, edits).text;
    if (next === current) break;
    current = next;
    result = rules.check(input(current), options);
  }
  return { text: current, result, fixed: current !== text };
}
