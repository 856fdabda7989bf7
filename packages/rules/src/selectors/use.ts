import type { MappedText } from '../js/text.js';
import type { Range } from '../types.js';

/** Which API receives a selector; `css` is a rule selector in CSS (a .css file or CSS text in JS). */
export type SelectorApi =
  | 'querySelector'
  | 'querySelectorAll'
  | 'matches'
  | 'closest'
  | 'jquery'
  | 'utils.waitForElement'
  | 'utils.observeSelector'
  | 'getElementById'
  | 'getElementsByClassName'
  | 'css';

/** One selector in a selector list, with its exact range (whitespace around it excluded). */
export interface SelectorPart {
  selector: string;
  range: Range;
}

/**
 * A selector the code hands to the DOM (or writes in CSS), as the language server needs it for
 * hover and completion: the text, its exact range inside the string, and the API receiving it.
 */
export interface SelectorUse {
  /** The selector list as the DOM receives it; for a dynamic one, the source text of the expression. */
  selector: string;
  range: Range;
  api: SelectorApi;
  /** Built at run time (template with `${}`, concatenation): cannot be checked. */
  dynamic: boolean;
  /** The comma-separated selectors of the list; empty when dynamic. */
  parts: SelectorPart[];
}

/** A selector use in offsets, as the rules work with it. */
export interface RawSelectorUse {
  api: SelectorApi;
  /** For getElementById / getElementsByClassName: the value is a name list, not selector syntax. */
  kind: 'selector' | 'id' | 'class-names';
  dynamic: boolean;
  /** Joined from several literals/constants (`'.' + NAME`): checkable, but no single range to fix. */
  folded?: boolean;
  /** For folded uses: the source range of value range [from, to). */
  span?: (from: number, to: number) => [number, number];
  value: MappedText;
  /** Source offsets of the whole value (dynamic: the whole expression). */
  start: number;
  end: number;
}

/** The source offsets of value range [from, to) of a use. */
export function sourceSpan(use: RawSelectorUse, from: number, to: number): [number, number] {
  return use.span ? use.span(from, to) : [use.value.at(from), use.value.at(to)];
}

/** A selector inside a list, in value offsets. */
export interface RawPart {
  selector: string;
  from: number;
  to: number;
}

/**
 * Splits a selector list at top-level commas (not inside (), [], strings or after a backslash),
 * trimming whitespace, per Selectors Level 4 §4.1 "selector list".
 */
export function splitSelectorList(text: string): RawPart[] {
  const parts: RawPart[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  const push = (to: number): void => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    parts.push({ selector: text.slice(a, b), from: a, to: b });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ',' && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return parts;
}

/** The selector an id/class-name API is equivalent to: `getElementById('a')` ≡ `#a`. */
export function equivalentSelector(use: RawSelectorUse): string {
  const names = use.value.text.trim().split(/\s+/).filter(Boolean);
  if (use.kind === 'id') return '#' + cssEscape(use.value.text);
  if (use.kind === 'class-names') return names.map((n) => '.' + cssEscape(n)).join('');
  return use.value.text;
}

/** CSS.escape (CSSOM §2.1.1) for identifiers, so the equivalent selector is valid syntax. */
export function cssEscape(ident: string): string {
  let out = '';
  for (let i = 0; i < ident.length; i++) {
    const ch = ident[i]!;
    const code = ident.charCodeAt(i);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 1 && code <= 0x1f) || code === 0x7f || (/[0-9]/.test(ch) && (i === 0 || (i === 1 && ident[0] === '-')))) {
      out += '\\' + code.toString(16) + ' ';
    } else if (i === 0 && ch === '-' && ident.length === 1) out += '\\-';
    else if (/[\w-]/.test(ch) || code >= 0x80) out += ch;
    else out += '\\' + ch;
  }
  return out;
}
