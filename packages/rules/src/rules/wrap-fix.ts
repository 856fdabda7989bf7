import type { ESTree } from 'meriyah';
import type { OffsetFix } from '../context.js';
import { calleeMethod, calleeObject, endOf, memberPath, startOf, staticString } from '../js/ast.js';
import type { Node } from '../js/walk.js';

/** A name bound to Optimizely's utils, and the function (or program) it is visible in. */
export interface UtilsBinding {
  name: string;
  at: number;
  scopeStart: number;
  scopeEnd: number;
}

const IDENT = /^-?[A-Za-z_][\w-]*$/;
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);

/**
 * The selector utils.waitForElement should wait for, as source text, for a document-wide query;
 * undefined when the query is scoped to an element or its argument cannot be turned into one.
 */
function selectorSource(text: string, call: ESTree.CallExpression, isJQuery: boolean): string | undefined {
  const arg = call.arguments[0] as Node | undefined;
  if (!arg || arg.type === 'SpreadElement') return undefined;
  if (isJQuery) return staticString(arg) !== undefined ? text.slice(startOf(arg), endOf(arg)) : undefined;
  const object = calleeObject(call);
  if (!object || memberPath(object) !== 'document') return undefined;
  const method = calleeMethod(call);
  if (method === 'querySelector' || method === 'querySelectorAll') return text.slice(startOf(arg), endOf(arg));
  const value = staticString(arg);
  if (value === undefined) return undefined;
  if (method === 'getElementById') return IDENT.test(value) ? `'#${value}'` : undefined;
  if (method === 'getElementsByTagName') return /^[A-Za-z][\w-]*$/.test(value) ? `'${value}'` : undefined;
  if (method === 'getElementsByClassName') {
    const names = value.split(/\s+/).filter(Boolean);
    return names.length > 0 && names.every((n) => IDENT.test(n)) ? `'${names.map((n) => '.' + n).join('')}'` : undefined;
  }
  return undefined;
}

/**
 * Per statement: whether it can move into a callback (see {@link movable}). It follows from the
 * statement's shape alone, so it stays right when an incremental parse reuses the node (js/reparse.ts).
 */
const MOVABLE = new WeakMap<Node, boolean>();

/**
 * True when the statements can move into a callback unchanged in meaning: nothing in them (outside
 * nested functions) returns, awaits, yields or jumps out, and no function or import/export
 * declaration would lose its hoisting or its place at the top level. Decided once per statement:
 * every declaration of a block moves with the rest of the block, which would be quadratic.
 */
function movable(statements: readonly Node[]): boolean {
  for (const s of statements) {
    let ok = MOVABLE.get(s);
    if (ok === undefined) {
      ok = !(s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration' || s.type.startsWith('Import') || s.type.startsWith('Export')) && staysInside(s, 0, 0);
      MOVABLE.set(s, ok);
    }
    if (!ok) return false;
  }
  return true;
}

function staysInside(n: unknown, loops: number, switches: number): boolean {
  if (Array.isArray(n)) return n.every((x) => staysInside(x, loops, switches));
  if (n === null || typeof n !== 'object' || typeof (n as { type?: unknown }).type !== 'string') return true;
  const node = n as Node;
  if (FUNCTIONS.has(node.type)) return true;
  if (node.type === 'ReturnStatement' || node.type === 'AwaitExpression' || node.type === 'YieldExpression') return false;
  if (node.type === 'BreakStatement') return !node.label && loops + switches > 0;
  if (node.type === 'ContinueStatement') return !node.label && loops > 0;
  const inLoop = LOOPS.has(node.type) ? 1 : 0;
  const inSwitch = node.type === 'SwitchStatement' ? 1 : 0;
  for (const key in node) {
    if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
    if (!staysInside((node as unknown as Record<string, unknown>)[key], loops + inLoop, switches + inSwitch)) return false;
  }
  return true;
}

/** The statements a wrap would move: the query's statement, or a declaration and the rest of its block. */
export interface WrapTarget {
  list: readonly Node[];
  from: number;
  /** Only `list[from]`, or everything from it to the end of the block. */
  toEnd: boolean;
}

/**
 * Finds what a wrap of the query would move, from its ancestors (cheap, done during the walk;
 * the fix itself is built only for queries that end up reported).
 */
export function wrapTarget(parents: readonly Node[]): WrapTarget | undefined {
  for (let i = parents.length - 1; i >= 1; i--) {
    const node = parents[i]!;
    const owner = parents[i - 1]!;
    if (FUNCTIONS.has(node.type)) return undefined; // only statements of the query's own function
    if (owner.type !== 'Program' && owner.type !== 'BlockStatement') continue;
    const list = owner.body as Node[];
    const k = list.indexOf(node);
    if (k < 0) continue;
    if (node.type === 'ExpressionStatement' || node.type === 'IfStatement') return { list, from: k, toEnd: false };
    if (node.type === 'VariableDeclaration') return { list, from: k, toEnd: true };
    return undefined;
  }
  return undefined;
}

/**
 * The quick fix of brand/required-wrapper (issue: "wrap DOM access in utils.waitForElement"):
 * the statement holding a document-wide query moves into
 * `utils.waitForElement(<selector>).then(() => { … })`, so it runs once the element exists. A
 * declaration moves together with the rest of its block, which may use what it declares. An arrow
 * keeps `this` and `arguments`. `utils` is the file's own binding when one is in scope, else
 * `window.optimizely.get('utils')`. No fix when the move would change meaning (see
 * {@link movable}) or the query is scoped to an element.
 */
export function wrapFix(text: string, call: ESTree.CallExpression, target: WrapTarget | undefined, isJQuery: boolean, bindings: readonly UtilsBinding[]): OffsetFix | undefined {
  if (!target) return undefined;
  const selector = selectorSource(text, call, isJQuery);
  if (selector === undefined) return undefined;
  const statements = target.toEnd ? target.list.slice(target.from) : [target.list[target.from]!];
  if (!movable(statements)) return undefined;
  const start = startOf(statements[0]!);
  const end = endOf(statements[statements.length - 1]!);
  const at = startOf(call);
  const bound = bindings.find((b) => b.at < at && b.scopeStart <= at && at < b.scopeEnd);
  const utils = bound ? bound.name : "window.optimizely.get('utils')";
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lead = text.slice(lineStart, start);
  const indent = /^[ \t]*$/.test(lead) ? lead : '';
  // Two insertions, not a replacement: the moved statements may be most of the file, and every
  // finding in the block carries its own fix.
  return {
    title: `Wrap in ${bound ? bound.name : 'utils'}.waitForElement(${selector})`,
    edits: [
      { start, end: start, newText: `${utils}.waitForElement(${selector}).then(() => {\n${indent}  ` },
      { start: end, end, newText: `\n${indent}});` },
    ],
  };
}
