import type { CodeRule } from '@brandsafe/brand-kit';
import type { OffsetFix } from '../context.js';
import type { ESTree } from 'meriyah';
import { calleeMethod, endOf, memberPath, normalizePath, propertyName, startOf, staticString } from '../js/ast.js';
import type { Node } from '../js/walk.js';
import { DEFAULT_OWNED_PREFIXES } from '../selectors/approval.js';
import { checkHost, urlHost } from './network.js';
import { DOM_QUERY_METHODS, type JsRule, type JsRuleEnv } from './rule.js';
import { wrapFix, wrapTarget, type UtilsBinding, type WrapTarget } from './wrap-fix.js';

const NETWORK_CALLS = new Set(['fetch', 'navigator.sendBeacon', '$.ajax', '$.get', '$.post', '$.getJSON', '$.getScript', 'jQuery.ajax', 'jQuery.get', 'jQuery.post', 'jQuery.getJSON', 'jQuery.getScript']);
const NETWORK_CONSTRUCTORS = new Set(['WebSocket', 'EventSource', 'Worker']);
const HTTP_METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

/** The static part of a URL expression that decides its host: a string, or the head of a template/concatenation. */
function urlPrefix(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const s = staticString(node);
  if (s !== undefined) return s;
  if (node.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return urlPrefix(node.left as Node);
  if (node.type === 'ObjectExpression') {
    for (const p of node.properties) {
      if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'url') return urlPrefix(p.value as Node);
    }
  }
  return undefined;
}

/**
 * Optimizely utils that wait for an element before handing it over: `waitForElement` resolves
 * once the first match exists, `observeSelector` calls back for every match, including elements
 * added later (Optimizely Web, "utils" reference). A brand that requires either accepts both.
 */
const WAITING_UTILS = ['utils.waitForElement', 'utils.observeSelector'];

/** The callee names a required-wrapper rule accepts: its own, widened to every waiting util. */
function acceptedWrappers(names: readonly string[]): string[] {
  return names.some((n) => WAITING_UTILS.includes(n)) ? [...new Set([...names, ...WAITING_UTILS])] : [...names];
}

function report(env: JsRuleEnv, rule: CodeRule, ruleId: string, start: number, end: number, detail = '', fixes?: OffsetFix[]): void {
  env.ctx.report(ruleId, start, end, rule.message + detail, { severity: rule.severity, docsUrl: rule.docsUrl, brandRule: rule.id, fixes });
}

/**
 * brand/forbidden-call, brand/required-wrapper and brand/network-allowlist: the code rules of the
 * brand graph, with the graph's own severity, message and documentation link.
 */
export const brandJs: JsRule = {
  ids: ['brand/forbidden-call', 'brand/required-wrapper', 'brand/network-allowlist'],
  create(env) {
    const { ctx, facts } = env;
    const brand = ctx.brand!;
    // Forbidden paths by path: a name is looked up with each of its dotted prefixes (`a.b.c`, `a.b`,
    // `a`) instead of being compared with every path of every rule on every call.
    const forbidden = new Map<string, CodeRule[]>();
    for (const r of brand.rules) {
      if (r.kind !== 'forbidden-call') continue;
      for (const p of new Set((r.callees ?? []).map(normalizePath))) forbidden.set(p, [...(forbidden.get(p) ?? []), r]);
    }
    const wrappers = brand.rules
      .filter((r) => r.kind === 'required-wrapper' && r.wrapper)
      .map((r) => {
        const names = r.wrapper!.split(/[|,]/).map((w) => normalizePath(w.trim().replace(/^(window\.)?optimizely\.get\(\s*['"]utils['"]\s*\)/, 'utils')));
        return { rule: r, names, accepted: acceptedWrappers(names) };
      });
    const awaited: Array<{ names: string; fnStart: number; fnEnd: number; at: number }> = [];
    const unwrapped: Array<{ rule: CodeRule; names: string[]; call: ESTree.CallExpression; fixable: boolean; target?: WrapTarget; jquery: boolean }> = [];
    const utilsBindings: UtilsBinding[] = [];
    const prefixes = ctx.options.ownedPrefixes ?? DEFAULT_OWNED_PREFIXES;
    /** Queries for the variation's own elements need no waiting: it created them. */
    const ownQuery = (call: ESTree.CallExpression): boolean => {
      const arg = staticString(call.arguments[0] as Node);
      if (arg === undefined) return false;
      const method = calleeMethod(call);
      const names = method === 'getElementById' ? [arg] : method === 'getElementsByClassName' ? arg.split(/\s+/).filter(Boolean) : [...arg.matchAll(/[.#]((?:[\w-]|\\.)+)/g)].map((m) => m[1]!);
      return names.length > 0 && names.every((n) => facts.ownedNames.has(n) || prefixes.some((p) => n.startsWith(p)));
    };

    const forbidOn = forbidden.size > 0 && ctx.enabled('brand/forbidden-call');
    const matchForbidden = (name: string | undefined, start: number, end: number, what: string): void => {
      if (!name || !forbidOn) return;
      // Each rule reports once, for the longest forbidden path that covers the name.
      let reported: Set<CodeRule> | undefined;
      for (let p = name; ; ) {
        for (const rule of forbidden.get(p) ?? []) {
          reported ??= new Set();
          if (!reported.has(rule)) report(env, rule, 'brand/forbidden-call', start, end, ` (${what} ${p})`);
          reported.add(rule);
        }
        const dot = p.lastIndexOf('.');
        if (dot < 0) break;
        p = p.slice(0, dot);
      }
    };
    const checkUrl = (node: Node | undefined): void => {
      const host = urlHost(urlPrefix(node));
      if (node && host !== undefined) checkHost(ctx, host, startOf(node), endOf(node));
    };
    const inWrapper = (query: Node, parents: readonly Node[], names: string[]): boolean => {
      for (let i = parents.length - 1; i >= 0; i--) {
        const p = parents[i]!;
        if (p.type !== 'CallExpression') continue;
        const n = facts.calleeName(p);
        if (n && names.includes(n)) return true;
        // utils.waitForElement(sel).then(el => …)
        const callee = p.callee;
        if (calleeMethod(p) === 'then' && callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') {
          const inner = facts.calleeName(callee.object);
          if (inner && names.includes(inner)) return true;
        }
      }
      const at = startOf(query);
      return awaited.some((a) => names.includes(a.names) && a.at < at && a.fnStart <= at && at < a.fnEnd);
    };

    return {
      AwaitExpression: (a, parents) => {
        if (a.argument?.type !== 'CallExpression') return;
        const name = facts.calleeName(a.argument);
        if (!name) return;
        const fn = [...parents].reverse().find((p) => p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression' || p.type === 'Program');
        if (fn) awaited.push({ names: name, fnStart: startOf(fn), fnEnd: endOf(fn), at: startOf(a) });
      },
      CallExpression: (c: ESTree.CallExpression, parents) => {
        const name = facts.calleeName(c);
        matchForbidden(name, startOf(c.callee), endOf(c.callee), 'call to');
        if (name && NETWORK_CALLS.has(name)) checkUrl(c.arguments[0] as Node);
        const method = calleeMethod(c);
        if (method === 'open' && HTTP_METHOD.test(staticString(c.arguments[0] as Node) ?? '')) checkUrl(c.arguments[1] as Node);
        if (method === 'setAttribute' && staticString(c.arguments[0] as Node) === 'src') checkUrl(c.arguments[1] as Node);
        const isQuery = (method && DOM_QUERY_METHODS.has(method)) || ((name === '$' || name === 'jQuery') && !staticString(c.arguments[0] as Node)?.trimStart().startsWith('<') && c.arguments[0]?.type !== 'FunctionExpression' && c.arguments[0]?.type !== 'ArrowFunctionExpression');
        if (isQuery && ctx.enabled('brand/required-wrapper')) {
          for (const w of wrappers) {
            if (inWrapper(c, parents, w.accepted)) continue;
            // What a fix would move is found now, while the ancestors are known; the fix itself
            // only for queries that are reported.
            const fixable = w.accepted.includes('utils.waitForElement');
            unwrapped.push({ rule: w.rule, names: w.names, call: c, fixable, target: fixable ? wrapTarget(parents) : undefined, jquery: !method });
          }
        }
      },
      VariableDeclarator: (d, parents) => {
        if (d.id.type !== 'Identifier' || !d.init || !facts.isUtils(d.init as Node)) return;
        const scope = [...parents].reverse().find((p) => p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression' || p.type === 'Program');
        if (scope) utilsBindings.push({ name: d.id.name, at: endOf(d), scopeStart: startOf(scope), scopeEnd: endOf(scope) });
      },
      NewExpression: (n) => {
        const name = facts.calleeName(n);
        matchForbidden(name, startOf(n.callee), endOf(n.callee), 'new');
        if (name && NETWORK_CONSTRUCTORS.has(name)) checkUrl(n.arguments[0] as Node);
      },
      AssignmentExpression: (a) => {
        const left = a.left as Node;
        matchForbidden(memberPath(left), startOf(left), endOf(left), 'assignment to');
        if (left.type === 'MemberExpression' && propertyName(left) === 'src') checkUrl(a.right as Node);
      },
      'Program:exit': () => {
        for (const u of unwrapped) {
          if (ownQuery(u.call)) continue;
          const fix = u.fixable ? wrapFix(ctx.text, u.call, u.target, u.jquery, utilsBindings) : undefined;
          report(env, u.rule, 'brand/required-wrapper', startOf(u.call.callee), endOf(u.call.callee), ` (wrap in ${u.names.join(' or ')})`, fix ? [fix] : undefined);
        }
      },
    };
  },
};
