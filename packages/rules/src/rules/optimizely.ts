import type { ESTree } from 'meriyah';
import { calleeMethod, endOf, isFunction, memberPath, startOf, staticString } from '../js/ast.js';
import { some, type Node } from '../js/walk.js';
import { DOM_QUERY_METHODS, type JsRule } from './rule.js';

/**
 * `type` values of the Optimizely Web JavaScript API's push() (docs.developers.optimizely.com,
 * Web Experimentation › API Reference › Push), with the fields each one requires.
 */
const PUSH_TYPES: Record<string, readonly string[]> = {
  activate: [],
  addListener: ['filter', 'handler'],
  bucketVisitor: ['variationId'],
  disable: [],
  event: ['eventName'],
  holdEvents: [],
  log: [],
  optOut: [],
  page: ['pageName'],
  sendEvents: [],
  user: [],
  waitForOriginSync: [],
};

function propertyKey(p: ESTree.ObjectLiteralElementLike): string | undefined {
  if (p.type !== 'Property' || p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  return p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;
}

/** True when code looks for elements: querySelector & co., `$()`/`jQuery()`. */
function queriesDom(node: Node): boolean {
  return some(node, (n) => {
    if (n.type !== 'CallExpression') return false;
    const m = calleeMethod(n);
    if (m && DOM_QUERY_METHODS.has(m)) return true;
    return n.callee.type === 'Identifier' && (n.callee.name === '$' || n.callee.name === 'jQuery');
  });
}

/**
 * A polling body looks for an element and stops once it is found (clearInterval/clearTimeout);
 * an interval that queries elements but never stops itself is a rotation or refresh, not a wait.
 */
function pollsForElement(body: Node): boolean {
  if (!queriesDom(body)) return false;
  return some(body, (n) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && (n.callee.name === 'clearInterval' || n.callee.name === 'clearTimeout'));
}

const CONDITIONAL = new Set(['IfStatement', 'ConditionalExpression', 'LogicalExpression']);

/** The name of the function a node belongs to, if it is named (declaration, named expression or `const f = …`). */
function functionName(fn: Node, parent: Node | undefined): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return undefined;
}

/**
 * optimizely-web/prefer-wait-for-element, valid-push, get-utils-once: conventions of Optimizely
 * Web variation code. Polling with timers for an element runs after the element appeared (flicker)
 * and forever when it never does; utils.waitForElement/observeSelector react when it is inserted.
 */
export const optimizelyWeb: JsRule = {
  ids: ['optimizely-web/prefer-wait-for-element', 'optimizely-web/valid-push', 'optimizely-web/get-utils-once'],
  create({ ctx, facts }) {
    let utilsGets = 0;
    /** setInterval(check, 100): decided at the end, once every function declaration is known. */
    const namedIntervals: Array<{ call: ESTree.CallExpression; name: string }> = [];
    const poll = (c: ESTree.CallExpression, how: string): void =>
      ctx.report('optimizely-web/prefer-wait-for-element', startOf(c.callee), endOf(c.callee), `Polling for an element with ${how} shows the original first (flicker) and never stops if it never appears; use utils.waitForElement() or utils.observeSelector().`);
    const checkPush = (c: ESTree.CallExpression): void => {
      const arg = c.arguments[0] as Node | undefined;
      if (!arg) return;
      if (arg.type === 'ArrayExpression') {
        ctx.report('optimizely-web/valid-push', startOf(arg), endOf(arg), 'The array form of optimizely.push() is the Optimizely Classic API; Optimizely Web takes an object with a `type`.');
        return;
      }
      if (arg.type !== 'ObjectExpression') return;
      const keys = new Map(arg.properties.map((p) => [propertyKey(p), p] as const));
      const typeProp = keys.get('type');
      if (!typeProp || typeProp.type !== 'Property') {
        ctx.report('optimizely-web/valid-push', startOf(arg), endOf(arg), `optimizely.push() needs an object with a \`type\` (one of ${Object.keys(PUSH_TYPES).join(', ')}).`);
        return;
      }
      const type = staticString(typeProp.value as Node);
      if (type === undefined) return;
      const required = PUSH_TYPES[type];
      if (!required) {
        ctx.report('optimizely-web/valid-push', startOf(typeProp.value), endOf(typeProp.value), `Unknown optimizely.push() type "${type}"; expected one of ${Object.keys(PUSH_TYPES).join(', ')}.`);
        return;
      }
      const missing = required.filter((k) => !keys.has(k));
      if (missing.length > 0) {
        ctx.report('optimizely-web/valid-push', startOf(arg), endOf(arg), `optimizely.push({ type: '${type}' }) is missing ${missing.map((m) => `\`${m}\``).join(', ')}.`);
      }
    };
    return {
      CallExpression: (c, parents) => {
        const name = facts.calleeName(c);
        if (name === 'optimizely.push') return checkPush(c);
        if (name === 'optimizely.get' && staticString(c.arguments[0] as Node) === 'utils') {
          utilsGets++;
          if (utilsGets > 1) {
            ctx.report('optimizely-web/get-utils-once', startOf(c), endOf(c), "Get window.optimizely.get('utils') once at the top of the variation and reuse it.");
          }
          return;
        }
        const arg = c.arguments[0] as Node | undefined;
        if (!arg) return;
        if (name === 'setInterval' && isFunction(arg) && !!arg.body && pollsForElement(arg.body as Node)) return poll(c, 'setInterval()');
        if (name === 'setInterval' && arg.type === 'Identifier') {
          namedIntervals.push({ call: c, name: arg.name });
          return;
        }
        if (name !== 'setTimeout' && name !== 'requestAnimationFrame') return;
        // A timer that re-schedules, on a condition, the function it sits in, which looks for an
        // element: a polling loop. (Unconditional re-scheduling is a rotation, not a wait.)
        const target = arg.type === 'Identifier' ? arg.name : isFunction(arg) && arg.body?.type === 'CallExpression' ? memberPath(arg.body.callee as Node) : undefined;
        if (!target) return;
        let conditional = false;
        for (let i = parents.length - 1; i >= 0; i--) {
          const fn = parents[i]!;
          if (CONDITIONAL.has(fn.type)) conditional = true;
          if (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') continue;
          if (conditional && functionName(fn, parents[i - 1]) === target && queriesDom(fn.body as Node)) return poll(c, `${name}() re-scheduling ${target}()`);
        }
      },
      'Program:exit': () => {
        for (const { call, name } of namedIntervals) {
          const fn = facts.functions.get(name);
          if (fn?.body && pollsForElement(fn.body as Node)) poll(call, `setInterval(${name})`);
        }
      },
    };
  },
};
