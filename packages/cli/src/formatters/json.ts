import { LineIndex, type Finding, type Range, type TextEdit } from '@brandsafe/rules';
import { countFindings, eslintSeverity, preferredFix, sortFindings, type RunReport } from '../report.js';

/** ESLint's `fix`: one replacement over a range of string offsets. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

/** One message in ESLint's JSON output (LintMessage). Lines and columns are 1-based. */
export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** ESLint marks a parse error `fatal`: nothing else in the file could be checked. */
  fatal?: true;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}

/** One file in ESLint's JSON output (LintResult). */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed source, present only when `--fix` changed the file (as in ESLint). */
  output?: string;
  usedDeprecatedRules: [];
}

function span(index: LineIndex, range: Range): [number, number] {
  return [index.offset(range.start), index.offset(range.end)];
}

/**
 * ESLint merges a multi-edit fix into one replacement covering all edits (its RuleFixer does the
 * same), so consumers that apply `fix` as a single splice still get the right text.
 */
function mergeEdits(source: string, offsets: LineIndex, edits: readonly TextEdit[]): EslintFix | undefined {
  if (edits.length === 0) return undefined;
  const spans = edits
    .map((e) => ({ span: span(offsets, e.range), text: e.newText }))
    .sort((a, b) => a.span[0] - b.span[0]);
  const start = spans[0]!.span[0];
  const end = Math.max(...spans.map((s) => s.span[1]));
  let text = '';
  let cursor = start;
  for (const s of spans) {
    if (s.span[0] < cursor) return undefined; // overlapping edits cannot be one splice
    text += source.slice(cursor, s.span[0]) + s.text;
    cursor = s.span[1];
  }
  return { range: [start, end], text: text + source.slice(cursor, end) };
}

/** The checker reports a file it cannot parse as `recommended/parse-error`; ESLint calls that fatal. */
function isFatal(finding: Finding): boolean {
  return finding.ruleId.endsWith('/parse-error');
}

/** A finding as an ESLint message: 0-based LSP positions become 1-based line and column. */
export function toEslintMessage(finding: Finding, source: string, offsets = new LineIndex(source)): EslintMessage {
  const { start, end } = finding.range;
  const message: EslintMessage = {
    ruleId: finding.ruleId,
    severity: eslintSeverity(finding.severity),
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  if (isFatal(finding)) message.fatal = true;
  const preferred = preferredFix(finding);
  const fix = preferred && mergeEdits(source, offsets, preferred.edits);
  if (fix) message.fix = fix;
  const suggestions = (finding.fixes ?? [])
    .filter((f) => f !== preferred)
    .flatMap((f) => {
      const merged = mergeEdits(source, offsets, f.edits);
      return merged ? [{ desc: f.title, fix: merged }] : [];
    });
  if (suggestions.length > 0) message.suggestions = suggestions;
  return message;
}

/** The report as ESLint's result objects, one per checked file (clean files included, as ESLint does). */
export function toEslintResults(report: RunReport): EslintResult[] {
  return report.files.map((file) => {
    const offsets = new LineIndex(file.source);
    const counts = countFindings(file.findings);
    return {
      filePath: file.filePath,
      messages: sortFindings(file.findings).map((f) => toEslintMessage(f, file.source, offsets)),
      suppressedMessages: [],
      errorCount: counts.errorCount,
      fatalErrorCount: file.findings.filter(isFatal).length,
      warningCount: counts.warningCount,
      fixableErrorCount: counts.fixableErrorCount,
      fixableWarningCount: counts.fixableWarningCount,
      ...(file.output !== undefined ? { output: file.output } : {}),
      usedDeprecatedRules: [],
    };
  });
}

/**
 * `--format json`: byte-for-byte the shape of ESLint's `json` formatter (`JSON.stringify` of the
 * LintResult array, no indentation), so tools that read ESLint's JSON read ours.
 */
export function formatJson(report: RunReport): string {
  return JSON.stringify(toEslintResults(report)) + '\n';
}
