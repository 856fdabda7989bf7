import type { BrandProblem } from '@brandsafe/brand-kit';

/** A brand problem as the API reports it: 1-based line and column (editors count from 1). */
export interface ApiBrandProblem {
  kind: BrandProblem['kind'];
  severity: BrandProblem['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  focusNode?: string;
  path?: string;
  constraint?: string;
}

/** Converts brand-kit's 0-based LSP ranges to the API's 1-based positions. */
export function toApiProblem(p: BrandProblem): ApiBrandProblem {
  return {
    kind: p.kind,
    severity: p.severity,
    message: p.message,
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    ...(p.focusNode !== undefined ? { focusNode: p.focusNode } : {}),
    ...(p.path !== undefined ? { path: p.path } : {}),
    ...(p.constraint !== undefined ? { constraint: p.constraint } : {}),
  };
}
