/**
 * Incremental parsing: after an edit, parse again only the top-level statements the edit touched
 * and reuse the others from the previous parse, moved by the edit's length.
 *
 * The result must be exactly the tree a full parse of the new text gives. So the shortcut is taken
 * only when the parts parsed alone cannot parse differently from inside the whole file, and
 * otherwise the caller parses the whole text:
 * - The statement before the reparsed window is closed: it ends with `;`, or it is a block, a
 *   function or class declaration, or an empty statement. No text after it can join it. For
 *   example, `a = b` without a semicolon followed by `(c)` would become a call, and `if (a) x;`
 *   followed by `else y;` would take the `else`.
 * - The window's own last statement, parsed anew, is closed too, and the window does not end
 *   inside a line comment (which would run on into the next statement); if either fails, the
 *   next statement joins the window and it is parsed again.
 * - The window parses by itself (a syntax error, an unterminated comment, string or template in it
 *   all fail there), with the file's strictness and goal (script or module).
 * - No directive prologue (`'use strict'`) is touched or reparsed. A string statement at the
 *   window's start would otherwise parse as a directive.
 * - A module keeps at least one reused import or export; otherwise the full parse would try it
 *   as a script first.
 * - Nothing else in the window changes with its position: it contains no `-->` (an HTML-like
 *   comment only at the start of a line) and does not start with `#!` (a comment only at the
 *   start of the file).
 *
 * Edits inside a comment, a string or a name are the commonest. For those, one statement or
 * only the gap between two statements is parsed again. tests/reparse.test.ts compares every
 * incremental parse with a full parse over thousands of random edits.
 */
import type { ESTree } from 'meriyah';
import type { SourceComment } from '../suppress.js';
import { shiftOffsets, type Node } from './walk.js';

export interface ParsedJs {
  program: ESTree.Program;
  comments: SourceComment[];
  sourceType: 'script' | 'module';
}

/** Parses a window of text alone (offsets from 0), or undefined when it does not parse. */
export type ParseWindow = (text: string, module: boolean, strict: boolean) => ParsedJs | undefined;

type Positioned = Node & { start: number; end: number };

/** Length of the common prefix, compared natively in halving slices (no character loop). */
export function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common suffix, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = Math.min(max, a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** True when no text after `statement` can become part of it (see the module comment). */
function closed(statement: Positioned, text: string): boolean {
  switch (statement.type) {
    case 'BlockStatement':
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'EmptyStatement':
      return true;
    case 'ExpressionStatement':
    case 'VariableDeclaration':
    case 'ThrowStatement':
    case 'ReturnStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'DebuggerStatement':
    case 'DoWhileStatement':
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportDefaultDeclaration':
      return text.charCodeAt(statement.end - 1) === 59; // ';'
    default:
      // if/else, loops, try, switch, labels, with: a trailing `else`, `finally` or a body could join.
      return false;
  }
}

function isDirective(statement: Node): boolean {
  return statement.type === 'ExpressionStatement' && typeof (statement as { directive?: unknown }).directive === 'string';
}

function isModuleSyntax(statement: Node): boolean {
  return statement.type === 'ImportDeclaration' || statement.type.startsWith('Export');
}

/** Index of the first statement with `start >= offset` (statements are in source order). */
function firstStartingAt(body: readonly Positioned[], offset: number): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Number of statements that end at or before `offset`. */
function countEndingBy(body: readonly Positioned[], offset: number): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (body[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The parse of `text`, made from `previous` (the parse of `previousText`) by parsing again only
 * the statements an edit touched; undefined when that cannot be done exactly (the caller then
 * parses the whole text). On success the reused statements of `previous` are moved in place, so
 * `previous` must not be used afterwards.
 */
export function reparse(previousText: string, previous: ParsedJs, text: string, parseWindow: ParseWindow): ParsedJs | undefined {
  if (text === previousText) return previous;
  const body = previous.program.body as Positioned[];
  const prefix = commonPrefix(previousText, text);
  const suffix = commonSuffix(previousText, text, Math.min(previousText.length, text.length) - prefix);
  const editEnd = previousText.length - suffix; // the edit replaced [prefix, editEnd) of the old text
  const delta = text.length - previousText.length;

  let prologue = 0;
  while (prologue < body.length && isDirective(body[prologue]!)) prologue++;
  const strict = previous.sourceType === 'module' || body.slice(0, prologue).some((s) => (s as { directive?: string }).directive === 'use strict');

  let before = countEndingBy(body, prefix);
  while (before > 0 && !closed(body[before - 1]!, previousText)) before--;
  if (prologue > 0 && before < prologue) return undefined;
  let after = Math.max(before, firstStartingAt(body, editEnd));

  for (;;) {
    const from = before > 0 ? body[before - 1]!.end : 0;
    const oldTo = after < body.length ? body[after]!.start : previousText.length;
    const window = text.slice(from, oldTo + delta);
    // `#!` is a comment only at the very start of the file; parsed alone, a window would accept it.
    if (window.startsWith('#!') || window.includes('-->')) return undefined;
    const reused = [...body.slice(0, before), ...body.slice(after)];
    if (previous.sourceType === 'module' && !reused.some(isModuleSyntax)) return undefined;
    const parsed = parseWindow(window, previous.sourceType === 'module', strict);
    if (!parsed) return undefined;
    const statements = parsed.program.body as Positioned[];
    if (statements.some(isDirective)) return undefined;
    const last = statements[statements.length - 1];
    // The next statement could join the window's last one, or be swallowed by a line comment that
    // runs to the window's end: parse it with the window.
    const openComment = parsed.comments.some((c) => c.end === window.length && !window.startsWith('/*', c.start));
    if (after < body.length && ((last && !closed(last, window)) || openComment)) {
      after++;
      continue;
    }
    for (const s of statements) shiftOffsets(s, from);
    if (delta !== 0) for (const s of body.slice(after)) shiftOffsets(s, delta);
    const comments: SourceComment[] = [];
    for (const c of previous.comments) if (c.end <= from) comments.push(c);
    for (const c of parsed.comments) comments.push({ value: c.value, start: c.start + from, end: c.end + from });
    for (const c of previous.comments) if (c.start >= oldTo) comments.push({ value: c.value, start: c.start + delta, end: c.end + delta });
    const program = {
      ...previous.program,
      body: [...body.slice(0, before), ...statements, ...body.slice(after)],
      start: 0,
      end: text.length,
    } as ESTree.Program;
    return { program, comments, sourceType: previous.sourceType };
  }
}
