// Deterministic stand-ins for the checker: a finding per regular-expression match, so tests
// control exactly which candidates are rejected.
import type { Finding, Severity } from '@brandsafe/rules';
import type { CheckFn } from '../../types.js';

export interface Pattern {
  pattern: RegExp;
  ruleId: string;
  severity: Severity;
}

/** A finding for every match of every pattern, with its 0-based range. */
export function patternCheck(patterns: Pattern[]): CheckFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = (input: { text: string }) => {
    calls.push(input.text);
    const findings: Finding[] = [];
    for (const p of patterns) {
      for (const m of input.text.matchAll(new RegExp(p.pattern.source, 'g'))) {
        const before = input.text.slice(0, m.index);
        const line = before.split('\n').length - 1;
        const character = m.index - (before.lastIndexOf('\n') + 1);
        findings.push({
          ruleId: p.ruleId,
          severity: p.severity,
          message: `${p.ruleId} matched ${m[0]}`,
          range: { start: { line, character }, end: { line, character: character + m[0].length } },
        });
      }
    }
    return { findings, skipped: [] };
  };
  return Object.assign(fn, { calls });
}

/** Errors on `document.cookie`, warns on `console.log`. */
export const cookieCheck = (): ReturnType<typeof patternCheck> =>
  patternCheck([
    { pattern: /document\.cookie/, ruleId: 'brand/no-cookies', severity: 'error' },
    { pattern: /console\.log/, ruleId: 'recommended/no-console', severity: 'warning' },
  ]);
