import type { Finding, RuleMeta, Severity } from '@brandsafe/rules';

/** The findings for one checked file. */
export interface FileReport {
  /** Absolute path of the file. */
  filePath: string;
  findings: Finding[];
  /** The text that was checked: fix ranges in ESLint's JSON are offsets into it. */
  source: string;
  /** With `--fix`, the fixed text when fixes changed the file (ESLint's `output`). */
  output?: string;
}

/**
 * Something the run wants the user to know that is not a finding: a skipped file, rules skipped
 * for want of a brand, a brand graph with SHACL violations.
 */
export interface RunNote {
  kind: 'skipped-file' | 'skipped-rules' | 'brand';
  level: 'note' | 'warning';
  message: string;
  /** Absolute path of the file the note is about, if any. */
  filePath?: string;
}

/** Everything a formatter needs to print one run. */
export interface RunReport {
  /** Directory paths are printed relative to (and the SARIF SRCROOT). */
  cwd: string;
  files: FileReport[];
  notes: RunNote[];
  /** Metadata of every rule the checker knows, for SARIF `tool.driver.rules`. */
  rules: readonly RuleMeta[];
  toolVersion: string;
}

/** ESLint's numeric severity: 2 error, 1 warning. ESLint has no "info", so it is shown as 1. */
export function eslintSeverity(severity: Severity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

/** The fix "fix all" would apply for a finding (ESLint's `fix`), if it has one. */
export function preferredFix(finding: Finding) {
  return finding.fixes?.find((f) => f.preferred);
}

export interface Counts {
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Findings of severity `warning` only: what `--max-warnings` limits (info never fails a run). */
  strictWarningCount: number;
}

/** Counts the way ESLint's result objects count: by ESLint severity; fixable = has an autofix. */
export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, strictWarningCount: 0 };
  for (const f of findings) {
    const fixable = preferredFix(f) !== undefined;
    if (f.severity === 'error') {
      c.errorCount++;
      if (fixable) c.fixableErrorCount++;
    } else {
      c.warningCount++;
      if (fixable) c.fixableWarningCount++;
      if (f.severity === 'warning') c.strictWarningCount++;
    }
  }
  return c;
}

/** Sums counts over files. */
export function totalCounts(files: readonly FileReport[]): Counts {
  const t: Counts = { errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, strictWarningCount: 0 };
  for (const file of files) {
    const c = countFindings(file.findings);
    t.errorCount += c.errorCount;
    t.warningCount += c.warningCount;
    t.fixableErrorCount += c.fixableErrorCount;
    t.fixableWarningCount += c.fixableWarningCount;
    t.strictWarningCount += c.strictWarningCount;
  }
  return t;
}

/** Findings in reading order (line, then column), the order every formatter prints. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
