import type { ESTree } from 'meriyah';
import { hidesElement } from '../css/scan.js';
import { calleeMethod, calleeObject, endOf, propertyName, startOf, staticString } from '../js/ast.js';
import { some, type Node } from '../js/walk.js';
import { DOM_QUERY_METHODS, type JsRule } from './rule.js';

/** DOM methods that add nodes (DOM Standard §4.2.6 mixins, insertAdjacent*, and jQuery's). */
const INSERTS = new Set(['appendChild', 'insertBefore', 'append', 'prepend', 'before', 'after', 'insertAdjacentHTML', 'insertAdjacentElement', 'insertAdjacentText', 'appendTo', 'prependTo', 'insertAfter']);
/** Calls that make a test a duplicate guard: looking for the element, a marker class or attribute. */
/** Insertions whose receiver is the new content, not the page (`$(html).appendTo(target)`). */
const INSERTS_NEW_CONTENT = new Set(['appendTo', 'prependTo', 'insertAfter']);
/** Calls that create detached nodes: inserting into those does not touch the page. */
const CREATES = new Set(['createElement', 'createElementNS', 'createDocumentFragment', 'createTextNode', 'cloneNode']);
const GUARD_CALLS = new Set([...DOM_QUERY_METHODS, 'closest', 'contains', 'hasAttribute', 'getAttribute', 'matches', 'hasClass']);
const PAGE_STYLE = /^document\.(body|documentElement)\.style\.(display|visibility|opacity)$/;

/**
 * Properties that say where an element sits in the tree: comparing one (`moved.nextElementSibling
 * === before`) tells whether a move (`insertBefore(moved, before)` of a page element) already happened.
 */
const TREE_POSITION = new Set(['nextElementSibling', 'previousElementSibling', 'nextSibling', 'previousSibling', 'parentNode', 'parentElement', 'firstElementChild', 'lastElementChild', 'firstChild', 'lastChild']);

/** True when a test expression can tell that the code already ran (see idempotence-guard docs). */
function isGuardTest(test: Node): boolean {
  return some(test, (n) => {
    if (n.type === 'CallExpression') {
      const m = calleeMethod(n);
      if (m && GUARD_CALLS.has(m)) return true;
      return n.callee.type === 'Identifier' && (n.callee.name === '$' || n.callee.name === 'jQuery');
    }
    if (n.type === 'BinaryExpression' && /^[!=]==?$/.test(n.operator)) {
      // Compared, not merely null-checked: `if (el.parentNode)` guards nothing.
      return [n.left, n.right].some((side) => side.type === 'MemberExpression' && TREE_POSITION.has(propertyName(side) ?? ''));
    }
    if (n.type === 'MemberExpression') {
      const o = n.object;
      if (o.type === 'Identifier' && (o.name === 'window' || o.name === 'globalThis' || o.name === 'sessionStorage')) return true;
      return propertyName(n) === 'dataset';
    }
    return false;
  });
}

function isPageObject(node: Node): boolean {
  if (node.type === 'CallExpression') {
    const c = node.callee;
    if (c.type === 'Identifier' && (c.name === '$' || c.name === 'jQuery')) {
      const sel = staticString(node.arguments[0] as Node)?.trim().toLowerCase();
      return sel === 'body' || sel === 'html';
    }
    return false;
  }
  if (node.type !== 'MemberExpression') return false;
  const o = node.object;
  const p = propertyName(node);
  return o.type === 'Identifier' && o.name === 'document' && (p === 'body' || p === 'documentElement');
}

/**
 * recommended/idempotence-guard: Optimizely and most testing tools may apply variation code more
 * than once on the same page (the editor re-applies it; single-page apps re-activate), so DOM
 * insertion must come after a guard that sees it already happened.
 * recommended/no-body-hiding: hiding body/html for flicker control leaves a blank page whenever
 * the code that shows it again fails; hide only the elements the variation changes.
 */
export const pageSafety: JsRule = {
  ids: ['recommended/idempotence-guard', 'recommended/no-body-hiding'],
  create({ ctx }) {
    const guards: number[] = [];
    /** Variables holding nodes the code created and has not inserted yet. */
    const detached = new Set<string>();
    let firstInsert: [number, number, string] | undefined;
    const guard = (n: { test: unknown }): void => {
      if (n.test && isGuardTest(n.test as Node)) guards.push(startOf(n.test as Node));
    };
    const hiding = (start: number, end: number, what: string): void =>
      ctx.report('recommended/no-body-hiding', start, end, `${what} hides the whole page; if the code that shows it again fails, visitors see a blank page. Hide only the elements the variation changes.`);
    return {
      IfStatement: guard,
      ConditionalExpression: guard,
      LogicalExpression: (l) => guard({ test: l.left }),
      VariableDeclarator: (d) => {
        const init = d.init as Node | null;
        if (d.id.type === 'Identifier' && init?.type === 'CallExpression' && CREATES.has(calleeMethod(init) ?? '')) detached.add(d.id.name);
      },
      CallExpression: (c: ESTree.CallExpression) => {
        const m = calleeMethod(c);
        if (!m) return;
        const object = calleeObject(c);
        const intoDetached = object?.type === 'Identifier' && detached.has(object.name) && !INSERTS_NEW_CONTENT.has(m);
        if (INSERTS.has(m) && !firstInsert && !intoDetached) firstInsert = [startOf(c.callee), endOf(c.callee), `${m}()`];
        if (!object) return;
        if (m === 'setProperty' && object.type === 'MemberExpression' && propertyName(object) === 'style' && isPageObject(object.object)) {
          const prop = staticString(c.arguments[0] as Node);
          const value = staticString(c.arguments[1] as Node);
          if (prop && value !== undefined && hidesElement(prop, value)) hiding(startOf(c), endOf(c), `style.setProperty('${prop}', '${value}') on the page`);
        } else if ((m === 'hide' || m === 'css') && isPageObject(object)) {
          const prop = staticString(c.arguments[0] as Node);
          const value = staticString(c.arguments[1] as Node);
          if (m === 'hide' || (prop && value !== undefined && hidesElement(prop, value))) hiding(startOf(c), endOf(c), `jQuery .${m}() on body/html`);
        }
      },
      AssignmentExpression: (a) => {
        const left = a.left as Node;
        if (a.operator === '+=' && left.type === 'MemberExpression' && propertyName(left) === 'innerHTML' && !firstInsert) {
          firstInsert = [startOf(left), endOf(left), 'innerHTML +='];
        }
        if (left.type !== 'MemberExpression') return;
        const value = staticString(a.right as Node) ?? (a.right.type === 'Literal' && typeof a.right.value === 'number' ? String(a.right.value) : undefined);
        if (value === undefined) return;
        const prop = propertyName(left);
        const target = left.object;
        if (target.type !== 'MemberExpression' || propertyName(target) !== 'style' || !isPageObject(target.object)) return;
        const path = `document.${propertyName(target.object as ESTree.MemberExpression)}.style.${prop}`;
        if (PAGE_STYLE.test(path) && hidesElement(prop ?? '', value)) hiding(startOf(a), endOf(a), `Setting ${path} = '${value}'`);
        else if (prop === 'cssText' && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0*(\.0*)?\s*(!important)?\s*(;|$))/i.test(value)) {
          hiding(startOf(a), endOf(a), 'This style.cssText');
        }
      },
      'Program:exit': () => {
        if (!firstInsert) return;
        const [s, e, how] = firstInsert;
        if (guards.some((g) => g < s)) return;
        ctx.report('recommended/idempotence-guard', s, e, `${how} inserts into the page with no guard before it; variation code can run twice, so check first that the element is not there yet (e.g. if (document.querySelector('.exp-x')) return;).`);
      },
    };
  },
};
