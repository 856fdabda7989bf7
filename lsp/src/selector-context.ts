/**
 * Finds the selector string under the cursor in variation code, lexically (on the current line),
 * so hover and completion work while the code is half typed and would not parse.
 */
import type { Range } from 'vscode-languageserver';

/** Calls whose first argument is a CSS selector (DOM, Optimizely Web utils, jQuery-style). */
export const SELECTOR_CALLEES: ReadonlySet<string> = new Set([
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'waitForElement',
  'observeSelector',
  '$',
  '$$',
  'jQuery',
]);

export interface SelectorString {
  /** The string's content (without quotes), up to the closing quote or the end of the line. */
  value: string;
  /** Range of the content, inside the quotes. */
  range: Range;
  /** The called function name when the string is its first argument, e.g. `querySelector`. */
  callee?: string;
  /** True when the string is not closed on this line (being typed). */
  open: boolean;
}

/**
 * The string literal on `lineText` that contains `character`, if any, with the selector-taking
 * call it is the first argument of. Template literals with `${` are ignored (not a fixed selector).
 */
export function selectorStringAt(lineText: string, line: number, character: number): SelectorString | undefined {
  let i = 0;
  while (i < lineText.length) {
    const ch = lineText[i]!;
    if (ch === '/' && lineText[i + 1] === '/') return undefined; // rest of the line is a comment
    if (ch !== '"' && ch !== "'" && ch !== '`') {
      i++;
      continue;
    }
    const start = i + 1;
    let j = start;
    while (j < lineText.length && lineText[j] !== ch) j += lineText[j] === '\\' ? 2 : 1;
    const closed = j < lineText.length;
    const end = Math.min(j, lineText.length);
    if (character >= start && character <= end) {
      const value = lineText.slice(start, end);
      if (ch === '`' && value.includes('${')) return undefined;
      const before = lineText.slice(0, start - 1);
      const callee = /([A-Za-z_$][\w$]*)\s*\(\s*$/.exec(before)?.[1];
      return {
        value,
        range: { start: { line, character: start }, end: { line, character: end } },
        ...(callee && SELECTOR_CALLEES.has(callee) ? { callee } : {}),
        open: !closed,
      };
    }
    i = j + 1;
  }
  return undefined;
}

/**
 * The page type a variation file declares it targets, from a comment such as
 * `// brandsafe-page: product-detail` (also `@brandsafe-page product-detail`), within its first lines.
 */
export function detectPageType(text: string): string | undefined {
  const head = text.length > 4000 ? text.slice(0, 4000) : text;
  return /@?brandsafe-page\s*:?\s*([\w-]+)/.exec(head)?.[1];
}
