import type { ESTree } from 'meriyah';
import { calleeMethod, endOf, isFunction, memberPath, startOf } from '../js/ast.js';
import type { Node } from '../js/walk.js';
import type { JsRule } from './rule.js';

interface Handle {
  /** Variable or member path the handle is stored in; undefined when it is thrown away. */
  key: string | undefined;
  start: number;
  end: number;
  /** For observers: the callback's second parameter (the observer itself). */
  selfName?: string;
}

/** Where the value of `node` goes: the variable/member it is stored in, `discarded`, or `unknown`. */
function storedIn(node: Node, parents: readonly Node[]): string | 'discarded' | 'unknown' {
  const parent = parents[parents.length - 1];
  if (!parent) return 'unknown';
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'AssignmentExpression' && parent.right === node) return memberPath(parent.left as Node) ?? 'unknown';
  if (parent.type === 'ExpressionStatement') return 'discarded';
  if (parent.type === 'MemberExpression' && parent.object === node) return 'discarded'; // new MutationObserver(cb).observe(…)
  return 'unknown';
}

/**
 * recommended/interval-cleared and recommended/observer-cleanup: a variation that starts an
 * interval or a MutationObserver must be able to stop it, or the work keeps running (and piles up
 * each time the editor re-applies the code). Per the HTML timers spec, clearTimeout and
 * clearInterval share one list of active timers, so either clears an interval.
 */
export const lifecycle: JsRule = {
  ids: ['recommended/interval-cleared', 'recommended/observer-cleanup'],
  create({ ctx, facts }) {
    const intervals: Handle[] = [];
    const observers: Handle[] = [];
    const cleared = new Set<string>();
    const disconnected = new Set<string>();
    return {
      CallExpression: (c, parents) => {
        const name = facts.calleeName(c);
        if (name === 'setInterval') {
          const where = storedIn(c, parents);
          if (where !== 'unknown') intervals.push({ key: where === 'discarded' ? undefined : where, start: startOf(c.callee), end: endOf(c.callee) });
        } else if (name === 'clearInterval' || name === 'clearTimeout') {
          const path = c.arguments[0] ? memberPath(c.arguments[0] as Node) : undefined;
          if (path) cleared.add(path);
        } else if (calleeMethod(c) === 'disconnect') {
          const object = (c.callee.type === 'MemberExpression' ? c.callee.object : undefined) as Node | undefined;
          const path = object ? memberPath(object) : undefined;
          if (path) disconnected.add(path);
        }
      },
      NewExpression: (n: ESTree.NewExpression, parents) => {
        const name = facts.calleeName(n);
        if (name !== 'MutationObserver' && name !== 'WebKitMutationObserver') return;
        const where = storedIn(n, parents);
        const callback = n.arguments[0] as Node | undefined;
        const self = isFunction(callback) ? callback.params[1] : undefined;
        observers.push({
          key: where === 'discarded' || where === 'unknown' ? undefined : where,
          selfName: self?.type === 'Identifier' ? self.name : undefined,
          start: startOf(n),
          end: endOf(n.callee),
        });
      },
      'Program:exit': () => {
        for (const h of intervals) {
          if (h.key === undefined) {
            ctx.report('recommended/interval-cleared', h.start, h.end, 'The setInterval handle is thrown away, so the interval can never be cleared; keep it and call clearInterval().');
          } else if (!cleared.has(h.key)) {
            ctx.report('recommended/interval-cleared', h.start, h.end, `The setInterval handle "${h.key}" never reaches clearInterval(); the interval runs forever.`);
          }
        }
        for (const o of observers) {
          const ok = (o.key !== undefined && disconnected.has(o.key)) || (o.selfName !== undefined && disconnected.has(o.selfName));
          if (!ok) {
            ctx.report('recommended/observer-cleanup', o.start, o.end, o.key ? `MutationObserver "${o.key}" is never disconnected; call ${o.key}.disconnect() once its work is done.` : 'This MutationObserver is never disconnected; keep a reference and call disconnect() once its work is done.');
          }
        }
      },
    };
  },
};
