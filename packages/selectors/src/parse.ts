/**
 * Selector parsing and validation: css-what for the AST (the same parser css-select matches
 * with), the positional scanner for where a fault is, and the pseudo table for names that parse
 * but that `querySelector` rejects. A selector is valid here when a browser's
 * `document.querySelectorAll` would accept it (Selectors Level 4), so a check in the editor
 * predicts a run-time SyntaxError in the variation.
 */
import { parse as cssWhatParse } from 'css-what';
import { checkPseudos } from './pseudos.js';
import { scanSelectorList, type ScannedComplex } from './scan.js';
import type { ParseOptions, ParseResult, SelectorParseError } from './types.js';

/** Longer selector text is refused without parsing, bounding the work any input can cause. */
export const MAX_SELECTOR_LENGTH = 10_000;

interface Analysis {
  result: ParseResult;
  scanned: ScannedComplex[];
}

// Parsing is pure, so results are memoised: the checker, brittleness and classification often
// ask about the same selector text several times per keystroke.
const cache = new Map<string, Analysis>();
const CACHE_LIMIT = 256;

function fail(error: SelectorParseError): Analysis {
  return { result: { ok: false, error }, scanned: [] };
}

/** Where css-what's own message puts the fault, when the scanner did not find one. */
function offsetFromCssWhat(css: string, message: string): SelectorParseError {
  const rest = /^(?:Unmatched selector|Expected name, found):? (.*)$/s.exec(message)?.[1];
  if (rest !== undefined && css.endsWith(rest)) {
    return { message, offset: css.length - rest.length, length: rest.length > 0 ? 1 : 0 };
  }
  return { message, offset: 0, length: css.length };
}

/**
 * Removes comments outside strings. css-what mis-reads `.a /* x *\/ .b` as two combinators;
 * CSS drops comments at tokenization (CSS Syntax §4.3.2), and the scanner has already checked
 * that no two tokens merge once they are gone.
 */
function stripComments(css: string): string {
  if (!css.includes('/*')) return css;
  let out = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i] as string;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j;
    } else if (c === '\\') {
      out += css.slice(i, i + 2);
      i++;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
    } else out += c;
  }
  return out;
}

function analyse(css: string, options: ParseOptions): Analysis {
  if (css.length > MAX_SELECTOR_LENGTH) {
    return fail({ message: `Selector is longer than ${MAX_SELECTOR_LENGTH} characters`, offset: MAX_SELECTOR_LENGTH, length: css.length - MAX_SELECTOR_LENGTH });
  }
  const scan = scanSelectorList(css);
  if (scan.error) return fail(scan.error);
  const pseudoFault = checkPseudos(scan.list, options);
  if (pseudoFault) return fail(pseudoFault);
  try {
    return { result: { ok: true, ast: cssWhatParse(stripComments(css)) }, scanned: scan.list };
  } catch (e) {
    // The scanner is stricter than css-what almost everywhere; this covers the rest.
    return fail(offsetFromCssWhat(css, e instanceof Error ? e.message : String(e)));
  }
}

/** Parses and returns the scanned (positional) tree too; memoised. For use inside the package. */
export function analyseSelector(css: string, options: ParseOptions = {}): Analysis {
  const key = options.jquery ? `jq\u0000${css}` : css;
  let hit = cache.get(key);
  if (hit) {
    // Least-recently-used order: a Map iterates in insertion order, so re-insert on use.
    cache.delete(key);
  } else {
    hit = analyse(css, options);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, hit);
  return hit;
}

/**
 * The analysis of `css` under either grammar: standard first (the common case, and the cache
 * entry the checker's isValidSelector call already made), jQuery's when only that accepts it.
 * The positional tree is the same in both modes; only validity differs.
 */
export function analyseLenient(css: string): Analysis {
  const standard = analyseSelector(css);
  return standard.result.ok ? standard : analyseSelector(css, { jquery: true });
}

/**
 * Parses a selector list into css-what's AST, or returns the first fault with its offset and
 * length within `css` (0-based, UTF-16 code units, so it maps directly onto an LSP range).
 *
 * @example parseSelector('.pdp__price >') // { ok: false, error: { message: "Expected a selector after '>'", offset: 12, length: 1 } }
 */
export function parseSelector(css: string, options: ParseOptions = {}): ParseResult {
  const { result } = analyseSelector(css, options);
  // The memoised AST is shared inside the package; callers get their own copy to mutate.
  // Re-parsing with css-what (~1 µs) is several times cheaper than structuredClone.
  return result.ok ? { ok: true, ast: cssWhatParse(stripComments(css)) } : result;
}

/** True when `document.querySelectorAll(css)` would accept `css` (see {@link parseSelector}). */
export function isValidSelector(css: string, options: ParseOptions = {}): boolean {
  return analyseSelector(css, options).result.ok;
}
