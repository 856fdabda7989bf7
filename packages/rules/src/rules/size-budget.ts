import type { CheckContext } from '../context.js';

/** Offset of the first UTF-16 unit whose UTF-8 encoding ends past `limit` bytes, or -1 when it all fits. */
export function utf8Overflow(text: string, limit: number): { bytes: number; at: number } {
  let bytes = 0;
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (at < 0 && bytes > limit) at = i;
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
  for (const rule of ctx.brand.rules) {
    if (rule.kind !== 'size-budget' || rule.maxBytes === undefined) continue;
    const { bytes, at } = utf8Overflow(ctx.text, rule.maxBytes);
    if (at < 0) continue;
    const lineEnd = ctx.text.slice(at).search(/\r|\n/);
    ctx.report('brand/size-budget', at, lineEnd < 0 ? ctx.text.length : at + lineEnd, `${rule.message} (${bytes} bytes, budget ${rule.maxBytes})`, {
      severity: rule.severity,
      docsUrl: rule.docsUrl,
      brandRule: rule.id,
    });
  }
}
