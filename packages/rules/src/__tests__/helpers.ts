import { check } from '../index.js';
import type { CheckOptions, Finding } from '../types.js';

/** `ruleId@line:col` (1-based, as people read them) for every finding of a JavaScript snippet. */
export function ids(text: string, options: CheckOptions = {}, filename = 'variation.js'): string[] {
  return check({ text, filename }, options).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

/** Findings of one rule only. */
export function only(ruleId: string, text: string, options: CheckOptions = {}, filename = 'variation.js'): Finding[] {
  return check({ text, filename }, options).findings.filter((f) => f.ruleId === ruleId);
}

/** The source text a finding's range covers (single-line ranges). */
export function covered(text: string, f: Finding): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (f.range.start.line !== f.range.end.line) throw new Error('multi-line range');
  return lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character);
}
