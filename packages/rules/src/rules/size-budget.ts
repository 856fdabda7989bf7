import type { CheckContext } from '../context.js';

/**
 * UTF-8 size of `text`, and for each limit the offset of the first UTF-16 unit whose encoding ends
 * past it (-1 when it all fits), in one pass however many budgets the brand declares.
 */
export function utf8Overflows(text: string, limits: readonly number[]): { bytes: number; at: number[] } {
  // Up to the first non-ASCII unit, bytes equal offsets: found natively, the loop starts there.
  const wide = text.search(/[\u0080-\uffff]/);
  const ascii = wide < 0 ? text.length : wide;
  const at = limits.map((limit) => (ascii > limit ? limit : -1));
  let pending = at.filter((a) => a < 0).length;
  let next = Math.min(...limits.filter((_, k) => at[k]! < 0));
  let bytes = ascii;
  for (let i = ascii; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (pending > 0 && bytes > next) {
      next = Number.POSITIVE_INFINITY;
      limits.forEach((limit, k) => {
        if (at[k]! < 0 && bytes > limit) {
          at[k] = i;
          pending--;
        } else if (at[k]! < 0) next = Math.min(next, limit);
      });
    }
  }
  return { bytes, at };
}

/**
 * brand/size-budget: variation code ships inside the testing tool's snippet, which every visitor
 * downloads before the page renders, so brands cap its size. The finding starts where the budget
 * runs out and ends at the end of that line.
 */
export function checkSizeBudget(ctx: CheckContext): void {
  if (!ctx.brand || !ctx.enabled('brand/size-budget')) return;
  const rules = ctx.brand.rules.filter((r) => r.kind === 'size-budget' && r.maxBytes !== undefined);
  if (rules.length === 0) return;
  const { bytes, at: overflows } = utf8Overflows(ctx.text, rules.map((r) => r.maxBytes!));
  for (const [k, rule] of rules.entries()) {
    const at = overflows[k]!;
    if (at < 0) continue;
    const lineEnd = ctx.text.slice(at).search(/\r|\n/);
    ctx.report('brand/size-budget', at, lineEnd < 0 ? ctx.text.length : at + lineEnd, `${rule.message} (${bytes} bytes, budget ${rule.maxBytes})`, {
      severity: rule.severity,
      docsUrl: rule.docsUrl,
      brandRule: rule.id,
    });
  }
}
