import { brittleness, isValidSelector, parseSelector } from '@brandsafe/selectors';
import type { CheckContext, OffsetFix } from '../context.js';
import { ApprovedSet, DEFAULT_OWNED_PREFIXES } from '../selectors/approval.js';
import { equivalentSelector, sourceSpan, splitSelectorList, type RawPart, type RawSelectorUse } from '../selectors/use.js';

const BRAND_SELECTOR_RULES = ['brand/unapproved-selector', 'brand/deprecated-selector'];

/** Escapes text for insertion into a JavaScript literal delimited by `quote` (none for CSS files). */
function escapeFor(quote: string | undefined, text: string): string {
  if (!quote) return text;
  let out = text.replace(/\\/g, '\\\\').split(quote).join('\\' + quote);
  if (quote === '`') out = out.replace(/\$\{/g, '\\${');
  return out;
}

/**
 * The selector rules, run over every selector use the file hands to the DOM: dynamic-selector,
 * valid-selector (range = the fault inside the string), brittle-selector, and with a brand
 * unapproved-selector (fixes: the nearest approved selectors) and deprecated-selector.
 */
export function checkSelectorUses(ctx: CheckContext, uses: readonly RawSelectorUse[], owned: ReadonlySet<string>): void {
  const brand = ctx.brand;
  const approvals = brand && BRAND_SELECTOR_RULES.some((r) => ctx.enabled(r)) ? ApprovedSet.for(brand, ctx.pageType, ctx.options.ownedPrefixes ?? DEFAULT_OWNED_PREFIXES) : undefined;
  const brittle = ctx.enabled('recommended/brittle-selector');
  for (const use of uses) {
    if (use.dynamic) {
      ctx.report('recommended/dynamic-selector', use.start, use.end, 'This selector is built at run time, so it cannot be checked for syntax or brand approval; use a static selector (e.g. a constant) instead.');
      continue;
    }
    const v = use.value;
    let parts: RawPart[];
    if (use.kind === 'selector') {
      const jquery = use.api === 'jquery';
      if (!isValidSelector(v.text, { jquery })) {
        const parsed = parseSelector(v.text, { jquery });
        if (!parsed.ok) {
          const { offset, length, message } = parsed.error;
          const [s, e] = v.text.trim() === '' ? [use.start, use.end] : sourceSpan(use, offset, offset + Math.max(1, length));
          ctx.report('recommended/valid-selector', s, e, `Invalid selector "${v.text.trim()}": ${message}.${use.api === 'css' ? '' : ' The DOM throws a SyntaxError on it.'}`);
        }
        continue;
      }
      parts = splitSelectorList(v.text);
    } else {
      parts = [{ selector: equivalentSelector(use), from: 0, to: v.text.length }];
    }
    for (const part of parts) {
      const approval = approvals?.check(part.selector, owned);
      if (approval?.status === 'approved') {
        if (approval.selector.stability === 'deprecated') {
          ctx.report('brand/deprecated-selector', ...sourceSpan(use, part.from, part.to), `Selector "${part.selector}" is deprecated in the brand${approval.selector.description ? `: ${approval.selector.description}` : ''}.`);
        }
        continue;
      }
      if (approval?.status === 'own') continue;
      if (approvals && approval?.status === 'unapproved') reportUnapproved(ctx, approvals, use, part, approval.otherPages.flatMap((s) => s.pageTypes));
      if (brittle) {
        const shift = use.kind === 'selector' ? 0 : -1; // `#id` stands for the id string without its '#'
        for (const w of brittleness(part.selector)) {
          const from = Math.max(part.from, part.from + w.offset + shift);
          ctx.report('recommended/brittle-selector', ...sourceSpan(use, from, Math.min(part.to, Math.max(from + 1, part.from + w.offset + shift + w.length))), w.message);
        }
      }
    }
  }
}

function reportUnapproved(ctx: CheckContext, approvals: ApprovedSet, use: RawSelectorUse, part: RawPart, otherPages: string[]): void {
  const v = use.value;
  const suggestions = approvals.suggest(part.selector);
  const fixes: OffsetFix[] = [];
  for (const [i, s] of suggestions.entries()) {
    if (use.folded) break;
    let newText: string;
    if (use.kind === 'selector') newText = escapeFor(v.quote, s.selector);
    else if (use.kind === 'id' && /^#[\w-]+$/.test(s.selector)) newText = s.selector.slice(1);
    else continue;
    fixes.push({ title: `Replace with approved selector ${s.selector}`, edits: [{ start: v.at(part.from), end: v.at(part.to), newText }], preferred: i === 0 && suggestions.length === 1 ? true : undefined });
  }
  const brand = ctx.brand!;
  const page = ctx.pageType ? ` on ${ctx.pageType} pages` : '';
  const elsewhere = otherPages.length > 0 ? ` It is approved only on: ${[...new Set(otherPages)].join(', ')}.` : '';
  const hint = suggestions.length > 0 ? ` Nearest approved: ${suggestions.map((s) => s.selector).join(', ')}.` : '';
  ctx.report('brand/unapproved-selector', ...sourceSpan(use, part.from, part.to), `Selector "${part.selector}" is not approved for ${brand.name}${page}.${elsewhere}${hint}`, { fixes });
}
