import type { ESTree } from 'meriyah';
import { calleeMethod, endOf, isBuiltString, memberPath, startOf, staticString } from '../js/ast.js';
import type { Node } from '../js/walk.js';
import type { JsRule } from './rule.js';

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
const DIALOGS = new Set(['alert', 'confirm', 'prompt']);

/** The callee to underline: `eval` in `window.eval(x)`. */
function calleeSpan(call: ESTree.CallExpression | ESTree.NewExpression): [number, number] {
  return [startOf(call.callee), endOf(call.callee)];
}

/**
 * recommended/no-eval, no-new-function, no-string-timer, no-document-write, no-sync-xhr,
 * no-debugger, no-alert, no-console: code that runs strings as code, blocks or wipes the page,
 * or should not ship. These mirror ESLint's no-eval, no-new-func, no-implied-eval and
 * no-restricted-properties, checked in the same walk as everything else.
 */
export const codeSafety: JsRule = {
  ids: [
    'recommended/no-eval',
    'recommended/no-new-function',
    'recommended/no-string-timer',
    'recommended/no-document-write',
    'recommended/no-sync-xhr',
    'recommended/no-debugger',
    'recommended/no-alert',
    'recommended/no-console',
  ],
  create({ ctx, facts }) {
    const onCall = (c: ESTree.CallExpression): void => {
      let callee: Node = c.callee;
      if (callee.type === 'SequenceExpression') callee = callee.expressions[callee.expressions.length - 1] as Node; // (0, eval)(x)
      const name = callee === c.callee ? facts.calleeName(c) : memberPath(callee);
      const [s, e] = calleeSpan(c);
      if (name === 'eval') ctx.report('recommended/no-eval', s, e, 'eval() runs a string as code on the live page; write the code itself.');
      else if (name === 'Function') ctx.report('recommended/no-new-function', s, e, 'Function() builds code from strings like eval(); write a function instead.');
      else if (name && TIMERS.has(name)) {
        const arg = c.arguments[0] as Node | undefined;
        if (arg && (staticString(arg) !== undefined || isBuiltString(arg))) {
          ctx.report('recommended/no-string-timer', startOf(arg), endOf(arg), `${name}() with a string evaluates it like eval(); pass a function.`);
        }
      } else if (name === 'document.write' || name === 'document.writeln') {
        ctx.report('recommended/no-document-write', s, e, `${name}() blocks parsing, or wipes the whole page once it has loaded; insert elements instead.`);
      } else if (name && DIALOGS.has(name)) {
        ctx.report('recommended/no-alert', s, e, `${name}() blocks the page for every visitor in the test.`);
      } else if (name?.startsWith('console.')) {
        ctx.report('recommended/no-console', s, e, `Remove ${name}() before shipping: variation code runs for real visitors.`);
      } else if (calleeMethod(c) === 'open') {
        const asyncArg = c.arguments[2] as Node | undefined;
        if (asyncArg?.type === 'Literal' && asyncArg.value === false) {
          ctx.report('recommended/no-sync-xhr', startOf(asyncArg), endOf(asyncArg), 'Synchronous XMLHttpRequest freezes the page until the server answers; use fetch() or an asynchronous request.');
        }
      }
    };
    return {
      CallExpression: onCall,
      NewExpression: (n) => {
        if (facts.calleeName(n) === 'Function') {
          const [s, e] = calleeSpan(n);
          ctx.report('recommended/no-new-function', s, e, 'new Function() builds code from strings like eval(); write a function instead.');
        }
      },
      DebuggerStatement: (d) => {
        ctx.report('recommended/no-debugger', startOf(d), endOf(d), 'Remove the debugger statement.', {
          fixes: [{ title: 'Remove the debugger statement', edits: [{ start: startOf(d), end: endOf(d), newText: '' }], preferred: true }],
        });
      },
    };
  },
};
