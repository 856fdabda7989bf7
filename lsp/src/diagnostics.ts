/**
 * Mapping from checker findings and brand problems to LSP diagnostics (LSP 3.17 §Diagnostic):
 * the rule id as `code`, the rule's page as `codeDescription.href`, `source` = `brandsafe`.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { BrandProblem, Severity } from '@brandsafe/brand-kit';
import type { Finding } from '@brandsafe/rules';

export const SOURCE = 'brandsafe';

/** Rule id under which failures of the server itself are reported (never a crash). */
export const INTERNAL_CODE = 'brandsafe/internal-error';

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

export function findingToDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  if (finding.docsUrl) diagnostic.codeDescription = { href: finding.docsUrl };
  return diagnostic;
}

export function problemToDiagnostic(problem: BrandProblem): Diagnostic {
  return {
    range: problem.range,
    severity: toSeverity(problem.severity),
    code: `brand-kit/${problem.kind}`,
    source: SOURCE,
    message: problem.message,
  };
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A diagnostic at the top of the document for a failure that has no better place. */
export function failureDiagnostic(message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return { range: TOP, severity, code: INTERNAL_CODE, source: SOURCE, message };
}

/**
 * Identity of a diagnostic as the client sends it back in `textDocument/codeAction` (the
 * vscode-eslint habit: code actions are looked up by this key in the record made while validating).
 */
export function diagnosticKey(diagnostic: Pick<Diagnostic, 'range' | 'code' | 'message'>): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}|${String(diagnostic.code ?? '')}|${diagnostic.message}`;
}
