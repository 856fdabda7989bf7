import { analyse } from './analyse.js';
import { languageOf } from './check.js';
import { CheckContext } from './context.js';
import { equivalentSelector, sourceSpan, splitSelectorList, type SelectorUse } from './selectors/use.js';
import type { CheckInput } from './types.js';

/**
 * Every selector use in a file with its exact range, in source order — what the language server
 * needs for hover and completion. Returns an empty list when the file does not parse.
 *
 * @example
 * extractSelectors({ text: "document.querySelector('.pdp__price')", filename: 'v.js' })
 * // [{ selector: '.pdp__price', api: 'querySelector', dynamic: false, range: { start: { line: 0, character: 24 }, … }, parts: [...] }]
 */
export function extractSelectors(input: CheckInput): SelectorUse[] {
  const ctx = new CheckContext(input.text, languageOf(input), { rules: { 'recommended/parse-error': 'off' } });
  const analysis = analyse(ctx, []);
  if (!analysis) return [];
  const uses = analysis.uses.map((u): SelectorUse => {
    const range = ctx.index.range(u.start, u.end);
    if (u.dynamic) return { selector: u.value.text, range, api: u.api, dynamic: true, parts: [] };
    const parts =
      u.kind === 'selector'
        ? splitSelectorList(u.value.text).map((p) => ({ selector: p.selector, range: ctx.index.range(...sourceSpan(u, p.from, p.to)) }))
        : [{ selector: equivalentSelector(u), range }];
    return { selector: u.value.text, range, api: u.api, dynamic: false, parts };
  });
  return uses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
