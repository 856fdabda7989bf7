import type { CheckContext } from './context.js';
import { ruleMeta } from './meta.js';
import type { Finding } from './types.js';

/** A comment in the checked file: its text (without delimiters) and source offsets. */
export interface SourceComment {
  value: string;
  start: number;
  end: number;
}

type Kind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

interface Directive {
  kind: Kind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  line: number;
  endLine: number;
  start: number;
  end: number;
  /** Set once the directive suppressed a finding. */
  used?: boolean;
}

const DIRECTIVE = /^\s*\*?\s*brandsafe-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;
const SELF = new Set(['recommended/unknown-rule-in-suppression', 'recommended/suppression-reason', 'recommended/unused-suppression']);

/**
 * Applies inline suppression comments to the findings, ESLint-style:
 * `// brandsafe-disable-next-line <rule>[, <rule>] -- reason`, `// brandsafe-disable-line …`,
 * and `/* brandsafe-disable <rule> *\/ … /* brandsafe-enable <rule> *\/` blocks (open to the end
 * of the file when never enabled again); no rule list means every rule. A rule id that does not
 * exist, and a disable directive without a `-- reason`, are findings of their own.
 */
export function applySuppressions(ctx: CheckContext, comments: readonly SourceComment[]): void {
  const directives: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.value);
    if (!m) continue;
    const kind = m[1] as Kind;
    const [list = '', ...reasonParts] = m[2]!.replace(/\*\/\s*$/, '').split(/\s--\s|\s--$|^--\s/);
    const reason = reasonParts.join(' -- ').trim();
    const rules = list.split(/[\s,]+/).filter(Boolean);
    const known: string[] = [];
    const raw = ctx.text.slice(c.start, c.end);
    let searchFrom = raw.indexOf('brandsafe-');
    for (const id of rules) {
      const at = raw.indexOf(id, searchFrom);
      searchFrom = at + id.length;
      if (ruleMeta(id)) known.push(id);
      else {
        ctx.report('recommended/unknown-rule-in-suppression', c.start + at, c.start + at + id.length, `Unknown rule "${id}" in a suppression comment: it suppresses nothing.`);
      }
    }
    if (kind !== 'enable' && reason === '') {
      ctx.report('recommended/suppression-reason', c.start, c.end, `Give a reason for brandsafe-${kind} after " -- ", so reviewers know why the rule does not apply.`);
    }
    if (rules.length > 0 && known.length === 0) continue;
    const start = ctx.index.position(c.start);
    const end = ctx.index.position(c.end);
    directives.push({ kind, rules: known, line: start.line, endLine: end.line, start: c.start, end: c.end });
  }
  if (directives.length === 0) return;
  const blocks = blockRanges(directives);
  // Line directives by the line they cover, so each finding looks at its own line only.
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) {
    const [from, to] = d.kind === 'disable-next-line' ? [d.endLine + 1, d.endLine + 1] : d.kind === 'disable-line' ? [d.line, d.endLine] : [1, 0];
    for (let line = from; line <= to; line++) byLine.set(line, [...(byLine.get(line) ?? []), d]);
  }
  const keep = (f: Finding): boolean => {
    if (SELF.has(f.ruleId)) return true;
    const line = f.range.start.line;
    const names = (d: { rules: string[] }): boolean => d.rules.length === 0 || d.rules.includes(f.ruleId);
    for (const d of byLine.get(line) ?? []) {
      if (names(d)) return !(d.used = true);
    }
    if (blocks.length === 0) return true;
    const offset = ctx.index.offset(f.range.start);
    const block = blocks.find((b) => offset >= b.from && offset < b.to && names(b));
    if (block) block.origin.used = true;
    return !block;
  };
  const kept = ctx.findings.filter(keep);
  ctx.findings.length = 0;
  ctx.findings.push(...kept);
  // Like ESLint's reportUnusedDisableDirectives: a suppression that silences nothing is stale. Only
  // when every rule it names ran, since a rule that is off cannot have reported anything.
  for (const d of directives) {
    if (d.kind === 'enable' || d.used || !d.rules.every((r) => ctx.enabled(r))) continue;
    ctx.report('recommended/unused-suppression', d.start, d.end, `This brandsafe-${d.kind} comment suppresses nothing${d.rules.length ? ` (${d.rules.join(', ')} reported nothing here)` : ''}; remove it.`);
  }
}

/** Offset ranges covered by disable … enable blocks. */
interface Block {
  from: number;
  to: number;
  rules: string[];
  origin: Directive;
}

function blockRanges(directives: readonly Directive[]): Block[] {
  const out: Block[] = [];
  const open: Array<{ from: number; rules: string[]; origin: Directive }> = [];
  for (const d of directives) {
    if (d.kind === 'disable') open.push({ from: d.end, rules: d.rules, origin: d });
    else if (d.kind === 'enable') {
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i]!;
        // `enable` with no list closes every block; `enable a` closes only blocks naming `a` (a
        // block that disabled every rule stays open: it cannot be partly re-enabled).
        if (d.rules.length > 0 && (o.rules.length === 0 || !o.rules.some((r) => d.rules.includes(r)))) continue;
        out.push({ from: o.from, to: d.start, rules: o.rules, origin: o.origin });
        open.splice(i, 1);
        const remaining = d.rules.length === 0 ? [] : o.rules.filter((r) => !d.rules.includes(r));
        if (remaining.length > 0) open.push({ from: d.end, rules: remaining, origin: o.origin });
      }
    }
  }
  for (const o of open) out.push({ from: o.from, to: Number.POSITIVE_INFINITY, rules: o.rules, origin: o.origin });
  return out;
}
