/** Public result types of @brandsafe/selectors (kept apart so every module can share them). */
import type { Selector } from 'css-what';

/** A selector syntax fault, positioned within the selector text (0-based UTF-16 offset). */
export interface SelectorParseError {
  message: string;
  offset: number;
  length: number;
}

/** Outcome of {@link parseSelector}: the css-what AST, or the first fault. */
export type ParseResult = { ok: true; ast: Selector[][] } | { ok: false; error: SelectorParseError };

/** Which selector grammar to accept. */
export interface ParseOptions {
  /**
   * Also accept jQuery/Sizzle extensions (`:contains()`, `:eq()`, `:first`, `:visible` …).
   * Off by default: `document.querySelector` throws a SyntaxError on them.
   */
  jquery?: boolean;
}
