import type { ESTree } from 'meriyah';
import type { Node } from './walk.js';

/** Start offset of a node (the parser always records start and end offsets). */
export const startOf = (n: { start?: number }): number => n.start ?? 0;
/** End offset of a node. */
export const endOf = (n: { end?: number }): number => n.end ?? 0;

const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'top', 'parent']);

/** Name of a non-computed (or string-keyed computed) member property, e.g. `write` in `document['write']`. */
export function propertyName(m: ESTree.MemberExpression): string | undefined {
  const p = m.property;
  if (!m.computed && p.type === 'Identifier') return p.name;
  if (m.computed && p.type === 'Literal' && typeof p.value === 'string') return p.value;
  return undefined;
}

/**
 * The dotted path of an identifier/member chain, with global-object prefixes removed so that
 * `window.document.write` and `document.write` compare equal; undefined for anything computed.
 */
export function memberPath(node: Node): string | undefined {
  const parts: string[] = [];
  let n: Node = node;
  for (;;) {
    if (n.type === 'ChainExpression') n = n.expression;
    else if (n.type === 'MemberExpression') {
      const name = propertyName(n);
      if (name === undefined) return undefined;
      parts.push(name);
      n = n.object;
    } else if (n.type === 'Identifier') {
      parts.push(n.name);
      break;
    } else if (n.type === 'ThisExpression') {
      parts.push('this');
      break;
    } else return undefined;
  }
  parts.reverse();
  while (parts.length > 1 && GLOBAL_OBJECTS.has(parts[0]!)) parts.shift();
  return parts.join('.');
}

/** Strips global-object prefixes from a dotted path written by a user (e.g. in a brand rule). */
export function normalizePath(path: string): string {
  const parts = path.split('.').map((p) => p.trim());
  while (parts.length > 1 && GLOBAL_OBJECTS.has(parts[0]!)) parts.shift();
  return parts.join('.');
}

/** The last property name of a call's callee (`querySelector` in `a.b.querySelector(x)`). */
export function calleeMethod(call: ESTree.CallExpression | ESTree.NewExpression): string | undefined {
  let c: Node = call.callee;
  if (c.type === 'ChainExpression') c = c.expression;
  if (c.type === 'MemberExpression') return propertyName(c);
  return undefined;
}

/** The object a method is called on (`el` in `el.querySelector(x)`). */
export function calleeObject(call: ESTree.CallExpression): Node | undefined {
  let c: Node = call.callee;
  if (c.type === 'ChainExpression') c = c.expression;
  return c.type === 'MemberExpression' ? c.object : undefined;
}

/** The string value of a string literal or an expression-free template literal. */
export function staticString(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** True for code that builds a string at run time: `a + 'x'`, template literals with `${}`, `.concat()`, `.join()`. */
export function isBuiltString(node: Node): boolean {
  if (node.type === 'TemplateLiteral') return node.expressions.length > 0;
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    // Walk the left spine iteratively: generated code can chain thousands of `+`.
    let n: Node = node;
    while (n.type === 'BinaryExpression' && n.operator === '+') {
      if (isStringish(n.right as Node)) return true;
      n = n.left as Node;
    }
    return isStringish(n);
  }
  if (node.type === 'CallExpression') {
    const m = calleeMethod(node);
    return m === 'concat' || m === 'join' || m === 'replace' || m === 'replaceAll';
  }
  return false;
}

function isStringish(node: Node): boolean {
  return staticString(node) !== undefined || isBuiltString(node);
}

/** True for function expressions and arrows. */
export function isFunction(node: Node | undefined | null): node is ESTree.FunctionExpression | ESTree.ArrowFunctionExpression {
  return !!node && (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression');
}
