/**
 * Incremental parsing: after an edit, parse again only the statements the edit touched and reuse
 * the others from the previous parse, moved by the edit's length. The statements are those of
 * the innermost `function` body that holds the whole edit (variations are often wrapped in one
 * function), else those of the program.
 *
 * The result must be exactly the tree a full parse of the new text gives. So the shortcut is taken
 * only when the statements parsed alone cannot parse differently from inside the whole file, and
 * otherwise the caller parses the whole text:
 * - The statement before the reparsed window is closed: it ends with `;`, or it is a block, a
 *   function or class declaration, or an empty statement. No text after it can join it. For
 *   example, `a = b` without a semicolon followed by `(c)` would become a call, and `if (a) x;`
 *   followed by `else y;` would take the `else`.
 * - The window's own last statement, parsed anew, is closed too, and the window does not end
 *   inside a line comment (which would run on into the next statement or the body's closing
 *   brace); if either fails, the next statement joins the window and it is parsed again.
 * - The window parses by itself (a syntax error, an unterminated comment, string or template in it
 *   all fail there), with the strictness of its place (the file's or a function's `'use strict'`,
 *   class bodies) and the file's goal (script or module).
 * - In a function body: it is a `function`, not an arrow function (whose body takes `arguments`,
 *   `super`, `new.target`, `await` and `yield` from its surroundings), neither async nor a generator,
 *   and the file is a script.
 * - No directive prologue (`'use strict'`) is touched or reparsed, and none appears: a string
 *   statement at the window's start would parse as a directive alone, and a reused string statement
 *   that the edit makes first in its list becomes one.
 * - A module keeps at least one reused import or export; otherwise the full parse would try it
 *   as a script first.
 * - Nothing else in the window changes with its position: it contains no `-->` (an HTML-like
 *   comment only at the start of a line) and does not start with `#!` (a comment only at the
 *   start of the file).
 *
 * The nodes on the path from the program down to the edited list are new copies; every other node
 * is reused with its subtree unchanged but its offsets moved. So a cache keyed by a node may hold
 * what follows from the subtree's shape (wrap-fix.ts's MOVABLE does), never offsets.
 * __tests__/reparse.test.ts compares every incremental parse with a full parse over thousands of
 * random edits.
 */
import type { ESTree } from 'meriyah';
import type { SourceComment } from '../suppress.js';
import { childKeys, isNode, shiftOffsets, type Node } from './walk.js';

export interface ParsedJs {
  program: ESTree.Program;
  comments: SourceComment[];
  sourceType: 'script' | 'module';
}

/**
 * Parses a window of text alone (offsets from 0), or undefined when it does not parse;
 * `functionBody`: the text is statements of a function body (`return` is allowed).
 */
export type ParseWindow = (text: string, goal: { module: boolean; strict: boolean; functionBody: boolean }) => ParsedJs | undefined;

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

/** A statement that is a directive when it stands first: a string literal, not in parentheses. */
function mayBecomeDirective(statement: Positioned, text: string): boolean {
  const quote = text.charCodeAt(statement.start);
  return statement.type === 'ExpressionStatement' && (quote === 34 || quote === 39);
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

interface Edit {
  previousText: string;
  text: string;
  /** The edit replaced [prefix, editEnd) of the old text; everything after moved by delta. */
  prefix: number;
  editEnd: number;
  delta: number;
}

/** A list of statements the window is cut from: the program's, or a function body's. */
interface Scope {
  list: Positioned[];
  /** Where the list's text starts and ends in the old text (inside the braces for a body). */
  lo: number;
  hi: number;
  strict: boolean;
  module: boolean;
  /** A function body: the window may `return`, and it cannot grow past the closing brace. */
  functionBody: boolean;
}

interface Window {
  /** The old statements [before, after) were replaced by `statements`. */
  before: number;
  after: number;
  statements: Positioned[];
  /** The window's bounds in the old text. */
  from: number;
  oldTo: number;
  comments: SourceComment[];
}

/** How many statements a window may take in beyond those the edit touched, on each side. */
const MAX_GROWTH = 2;

function reparseList(scope: Scope, edit: Edit, parseWindow: ParseWindow): Window | undefined {
  const { list } = scope;
  const { text, prefix, editEnd, delta } = edit;
  let prologue = 0;
  while (prologue < list.length && isDirective(list[prologue]!)) prologue++;
  const strict = scope.strict || list.slice(0, prologue).some((s) => (s as { directive?: string }).directive === 'use strict');

  let before = countEndingBy(list, prefix);
  // Code without semicolons leaves few statements closed. The window grows by a statement or two
  // at most on either side; past that, parsing everything once is cheaper than trying again.
  for (let steps = 0; before > 0 && !closed(list[before - 1]!, edit.previousText); steps++) {
    if (steps === MAX_GROWTH) return undefined;
    before--;
  }
  if (prologue > 0 && before < prologue) return undefined;
  let after = Math.max(before, firstStartingAt(list, editEnd));

  for (let grown = 0; ; grown++) {
    const from = before > 0 ? list[before - 1]!.end : scope.lo;
    const oldTo = after < list.length ? list[after]!.start : scope.hi;
    // A window longer than the text before it is parsed with that text blanked out (offsets come
    // out right, nothing to move); a short one late in the file is parsed alone and moved.
    const padded = from > 0 && oldTo + delta - from > from;
    const window = text.slice(from, oldTo + delta);
    // `#!` is a comment only at the very start of the file; parsed alone, a window would accept it.
    if (window.startsWith('#!') || window.includes('-->')) return undefined;
    if (scope.module && ![...list.slice(0, before), ...list.slice(after)].some(isModuleSyntax)) return undefined;
    const source = padded ? ' '.repeat(from) + window : window;
    const parsed = parseWindow(source, { module: scope.module, strict, functionBody: scope.functionBody });
    if (!parsed) return undefined;
    const base = padded ? 0 : from;
    const statements = parsed.program.body as Positioned[];
    if (statements.some(isDirective)) return undefined;
    // A window right after the directive prologue (or at the start of its list) that leaves no
    // statement puts the next one there: a string statement then becomes a directive.
    if (before === prologue && statements.length === 0 && after < list.length && mayBecomeDirective(list[after]!, edit.previousText)) return undefined;
    const last = statements[statements.length - 1];
    // The next statement could join the window's last one, or be swallowed by a line comment that
    // runs to the window's end: parse it with the window. At the end of a function body, such a
    // comment would swallow the closing brace.
    const openComment = parsed.comments.some((c) => c.end === source.length && !source.startsWith('/*', c.start));
    if (after < list.length && ((last && !closed(last, source)) || openComment)) {
      if (grown === MAX_GROWTH) return undefined;
      after++;
      continue;
    }
    if (scope.functionBody && openComment) return undefined;
    if (base !== 0) for (const s of statements) shiftOffsets(s, base);
    const comments = base === 0 ? parsed.comments : parsed.comments.map((c) => ({ value: c.value, start: c.start + base, end: c.end + base }));
    return { before, after, statements, from, oldTo, comments };
  }
}

type FunctionNode = ESTree.FunctionExpression | ESTree.FunctionDeclaration;

function contains(node: Positioned, from: number, to: number): boolean {
  return node.start <= from && to <= node.end;
}

/**
 * The innermost body of a plain `function` (not async, not a generator: there `await` and `yield`
 * parse differently) whose braces hold the whole edit, with the path of nodes from the top-level
 * statement down to it; undefined when there is none.
 */
function innermostBody(statement: Positioned, edit: Edit, strict: boolean): { path: Positioned[]; scope: Scope } | undefined {
  let found: { path: Positioned[]; scope: Scope } | undefined;
  const path: Positioned[] = [statement];
  let node: Positioned = statement;
  for (;;) {
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') strict = true;
    const fn = node as FunctionNode;
    // Not arrow functions: their bodies take `arguments`, `super`, `new.target`, `await` and `yield`
    // from their surroundings (a class field's arrow may not use `arguments`), which a window parsed
    // alone does not know.
    if ((node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') && fn.body?.type === 'BlockStatement') {
      const body = fn.body as unknown as Positioned & { body: Positioned[] };
      if (body.start < edit.prefix && edit.editEnd < body.end && !fn.async && !fn.generator) {
        found = { path: [...path, body], scope: { list: body.body, lo: body.start + 1, hi: body.end - 1, strict, module: false, functionBody: true } };
      }
      // A body's own 'use strict' makes everything inside it strict.
      for (const s of body.body) {
        if (!isDirective(s)) break;
        if ((s as { directive?: string }).directive === 'use strict') strict = true;
      }
    }
    let next: Positioned | undefined;
    const record = node as unknown as Record<string, unknown>;
    for (const key of childKeys(node)) {
      const child = record[key];
      const candidates = Array.isArray(child) ? child : [child];
      for (const c of candidates) {
        if (isNode(c) && contains(c as Positioned, edit.prefix, edit.editEnd)) next = c as Positioned;
      }
      if (next) break;
    }
    if (!next) return found;
    path.push(next);
    node = next;
  }
}

/** A copy of `node` one level up the path: `child` replaced by `copy`, later children moved, end moved. */
function rebuilt(node: Positioned, child: Positioned, copy: Positioned, delta: number): Positioned {
  const out = { ...node, end: node.end + delta } as Positioned;
  const record = out as unknown as Record<string, unknown>;
  for (const key of childKeys(node)) {
    const value = record[key];
    if (Array.isArray(value)) {
      const i = value.indexOf(child);
      record[key] = value.map((c: unknown, k) => {
        if (k === i) return copy;
        if (i >= 0 && k > i && isNode(c) && delta !== 0) shiftOffsets(c, delta);
        return c;
      });
      if (i < 0) {
        // the path runs through another key; children after it still move
        for (const c of value as unknown[]) if (isNode(c) && (c as Positioned).start >= child.end && delta !== 0) shiftOffsets(c, delta);
      }
    } else if (value === child) record[key] = copy;
    else if (isNode(value) && (value as Positioned).start >= child.end && delta !== 0) shiftOffsets(value, delta);
  }
  return out;
}

/**
 * The parse of `text`, made from `previous` (the parse of `previousText`) by parsing again only
 * the statements an edit touched — in the innermost plain function body that holds the edit, else
 * at the top level; undefined when that cannot be done exactly (the caller then parses the whole
 * text). On success the reused nodes of `previous` are moved in place, so `previous` must not be
 * used afterwards; the nodes on the path from the program to the edited list are new copies.
 */
export function reparse(previousText: string, previous: ParsedJs, text: string, parseWindow: ParseWindow): ParsedJs | undefined {
  if (text === previousText) return previous;
  const body = previous.program.body as Positioned[];
  const prefix = commonPrefix(previousText, text);
  const suffix = commonSuffix(previousText, text, Math.min(previousText.length, text.length) - prefix);
  const edit: Edit = { previousText, text, prefix, editEnd: previousText.length - suffix, delta: text.length - previousText.length };
  const module = previous.sourceType === 'module';
  const top: Scope = { list: body, lo: 0, hi: previousText.length, strict: module, module, functionBody: false };

  let program: ESTree.Program | undefined;
  let window: Window | undefined;
  // Inside a function body first: in a file wrapped in one function, that is most of the file.
  const at = countEndingBy(body, prefix);
  const statement = body[at];
  let prologue = 0;
  while (prologue < body.length && isDirective(body[prologue]!)) prologue++;
  if (!module && statement && at >= prologue && contains(statement, prefix, edit.editEnd)) {
    const fileStrict = body.slice(0, prologue).some((s) => (s as { directive?: string }).directive === 'use strict');
    const nested = innermostBody(statement, edit, fileStrict);
    window = nested && reparseList(nested.scope, edit, parseWindow);
    if (nested && window) {
      const list = nested.scope.list;
      const { delta } = edit;
      if (delta !== 0) for (const s of list.slice(window.after)) shiftOffsets(s, delta);
      const path = nested.path;
      const block = path[path.length - 1]!;
      let copy = { ...block, end: block.end + delta, body: [...list.slice(0, window.before), ...window.statements, ...list.slice(window.after)] } as Positioned;
      for (let k = path.length - 2; k >= 0; k--) copy = rebuilt(path[k]!, path[k + 1]!, copy, delta);
      if (delta !== 0) for (const s of body.slice(at + 1)) shiftOffsets(s, delta);
      program = { ...previous.program, body: [...body.slice(0, at), copy, ...body.slice(at + 1)], start: 0, end: text.length } as ESTree.Program;
    }
  }
  if (!program) {
    window = reparseList(top, edit, parseWindow);
    if (!window) return undefined;
    if (edit.delta !== 0) for (const s of body.slice(window.after)) shiftOffsets(s, edit.delta);
    program = { ...previous.program, body: [...body.slice(0, window.before), ...window.statements, ...body.slice(window.after)], start: 0, end: text.length } as ESTree.Program;
  }
  const w = window!;
  const comments: SourceComment[] = [];
  for (const c of previous.comments) if (c.end <= w.from) comments.push(c);
  comments.push(...w.comments);
  for (const c of previous.comments) if (c.start >= w.oldTo) comments.push({ value: c.value, start: c.start + edit.delta, end: c.end + edit.delta });
  return { program, comments, sourceType: previous.sourceType };
}
