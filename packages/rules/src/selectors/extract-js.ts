import type { ESTree } from 'meriyah';
import { scanCss, type HidingDeclaration, type ResourceUrl } from '../css/scan.js';
import { calleeMethod, calleeObject, endOf, isBuiltString, startOf } from '../js/ast.js';
import type { ProgramFacts } from '../js/facts.js';
import { literalText, templateText, type MappedText } from '../js/text.js';
import type { Node, Visitor } from '../js/walk.js';
import type { RawSelectorUse, SelectorApi } from './use.js';

const DOM_METHODS: Record<string, SelectorApi> = {
  querySelector: 'querySelector',
  querySelectorAll: 'querySelectorAll',
  matches: 'matches',
  webkitMatchesSelector: 'matches',
  msMatchesSelector: 'matches',
  closest: 'closest',
};
/** jQuery traversal methods whose string argument is a selector (api.jquery.com/category/traversing). */
const JQUERY_METHODS = new Set(['find', 'children', 'parents', 'parent', 'siblings', 'next', 'prev', 'nextAll', 'prevAll', 'nextUntil', 'prevUntil', 'parentsUntil', 'filter', 'not', 'has', 'is', 'add']);
const JQUERY = new Set(['$', 'jQuery']);

/**
 * Static CSS text: rules `sel { prop: value }`, possibly after comments or inside an at-rule. The
 * prelude must hold a selector (something other than white space): `' { display: none }'` is the
 * tail of a rule whose selector is concatenated in front of it (`sel + ' { … }'`), not rule text.
 * A child combinator may follow (`.a > .b { … }`); markup (`<`) never starts or joins a prelude.
 */
const CSS_SHAPE = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:@[\w-]+[^{};]*\{\s*)?[^{}<>;=!`\s][^{}<;=!`]*\{[^{}]*:[^{}]*\}/;
const STYLE_TAG = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const MARKUP_URL_HINT = /\s(src|poster)\s*=|<link\b/i;
/** Attributes whose URL the browser fetches when the markup is inserted (HTML Standard). */
const MARKUP_URL = /\s(?:src|poster)\s*=\s*(["'])(.*?)\1|<link\b[^>]*?\shref\s*=\s*(["'])(.*?)\3/gi;

function isFunctionLike(n: Node): boolean {
  return n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'ObjectExpression';
}

function slice(value: MappedText, from: number, to: number): MappedText {
  return {
    text: value.text.slice(from, to),
    at: (i) => value.at(from + i),
    quote: value.quote,
    holes: value.holes.filter(([a, b]) => a < to && b > from).map(([a, b]) => [Math.max(0, a - from), Math.min(to - from, b - from)] as const),
  };
}

/**
 * Finds every selector JavaScript hands to the DOM — querySelector(All), matches, closest,
 * getElementById/getElementsByClassName, jQuery `$()` and traversal methods, Optimizely
 * `utils.waitForElement`/`observeSelector` however utils was reached — and every rule selector
 * inside static CSS text in strings (style text, `<style>` in HTML), with exact ranges.
 */
export class JsSelectorCollector {
  readonly uses: RawSelectorUse[] = [];
  readonly hiding: HidingDeclaration[] = [];
  /** URLs the markup and CSS inside strings make the page fetch (for brand/network-allowlist). */
  readonly urls: ResourceUrl[] = [];
  private readonly seen = new Set<string>();
  private readonly pending: Array<{ name: string; api: SelectorApi; kind: RawSelectorUse['kind'] }> = [];
  /** Concatenations, decided once every constant is known (declarations may follow their use). */
  private readonly concats: Array<{ node: Node; api: SelectorApi; kind: RawSelectorUse['kind'] }> = [];

  constructor(
    private readonly text: string,
    private readonly facts: ProgramFacts,
  ) {}

  visitor(): Visitor {
    return {
      CallExpression: (c) => this.onCall(c),
      Literal: (l) => {
        if (typeof l.value !== 'string') return;
        if (l.value.includes('{')) this.scanCssText(literalText(this.text, l));
        if (MARKUP_URL_HINT.test(l.value)) this.scanMarkupUrls(literalText(this.text, l));
      },
      TemplateLiteral: (t) => {
        if (t.quasis.some((q) => q.value.cooked?.includes('{'))) this.scanCssText(templateText(this.text, t));
        if (t.quasis.some((q) => MARKUP_URL_HINT.test(q.value.cooked ?? ''))) this.scanMarkupUrls(templateText(this.text, t));
      },
      'Program:exit': () => {
        for (const p of this.pending) {
          const decl = this.facts.consts.get(p.name);
          if (decl) this.addArgument(decl, p.api, p.kind);
        }
        for (const c of this.concats) this.addConcatenation(c.node, c.api, c.kind);
      },
    };
  }

  private onCall(c: ESTree.CallExpression): void {
    const arg = c.arguments[0] as Node | undefined;
    if (!arg) return;
    const name = this.facts.calleeName(c);
    if (name === 'utils.waitForElement' || name === 'utils.observeSelector') return this.addArgument(arg, name, 'selector');
    if (name && JQUERY.has(name)) return this.addArgument(arg, 'jquery', 'selector');
    const method = calleeMethod(c);
    if (!method) return;
    const api = DOM_METHODS[method];
    if (api) return this.addArgument(arg, api, 'selector');
    if (method === 'getElementById') return this.addArgument(arg, 'getElementById', 'id');
    if (method === 'getElementsByClassName') return this.addArgument(arg, 'getElementsByClassName', 'class-names');
    const object = calleeObject(c);
    if (!object || !this.isJQuery(object)) return;
    if (JQUERY_METHODS.has(method) && arg.type !== 'Identifier') this.addArgument(arg, 'jquery', 'selector');
    // Delegated events: $(document).on('click', '.selector', handler) (api.jquery.com/on).
    const delegated = c.arguments[1] as Node | undefined;
    if ((method === 'on' || method === 'one' || method === 'off') && c.arguments.length >= 3 && delegated && delegated.type !== 'Identifier' && !isFunctionLike(delegated)) {
      this.addArgument(delegated, 'jquery', 'selector');
    }
  }

  /** A jQuery object: `$(…)`, a chain of calls on one, or a `$`-prefixed variable by convention. */
  private isJQuery(node: Node): boolean {
    if (node.type === 'Identifier') return node.name.startsWith('$');
    if (node.type !== 'CallExpression') return false;
    const name = this.facts.calleeName(node);
    if (name && JQUERY.has(name)) return true;
    const object = calleeObject(node);
    return !!object && this.isJQuery(object);
  }

  private addArgument(arg: Node, api: SelectorApi, kind: RawSelectorUse['kind']): void {
    if (arg.type === 'Identifier') {
      this.pending.push({ name: arg.name, api, kind });
      return;
    }
    let value: MappedText | undefined;
    if (arg.type === 'Literal' && typeof arg.value === 'string') value = literalText(this.text, arg);
    else if (arg.type === 'TemplateLiteral' && arg.expressions.length === 0) value = templateText(this.text, arg);
    if (value) {
      // jQuery's $('<div>…') creates elements from HTML instead of selecting (api.jquery.com/jQuery/#jQuery2).
      if (api === 'jquery' && value.text.trimStart().startsWith('<')) return;
      this.push({ api, kind, dynamic: false, value, start: value.at(0), end: value.at(value.text.length) });
    } else if (arg.type === 'BinaryExpression' && arg.operator === '+' && isBuiltString(arg)) {
      this.concats.push({ node: arg, api, kind });
    } else if (isBuiltString(arg)) {
      this.addDynamic(arg, api, kind);
    }
  }

  /**
   * `'.' + BADGE` where every operand is a string literal or a string constant is static: it is
   * checked like a literal, with ranges mapped into each piece (no fixes: the text is not one
   * contiguous string). Anything else in the chain makes it dynamic.
   */
  private addConcatenation(node: Node, api: SelectorApi, kind: RawSelectorUse['kind']): void {
    const operands: Node[] = [];
    let n: Node = node;
    while (n.type === 'BinaryExpression' && n.operator === '+') {
      operands.push(n.right as Node);
      n = n.left as Node;
    }
    operands.push(n);
    operands.reverse();
    const pieces: MappedText[] = [];
    for (const op of operands) {
      const source = op.type === 'Identifier' ? this.facts.consts.get(op.name) : op;
      if (source?.type === 'Literal' && typeof source.value === 'string') pieces.push(literalText(this.text, source));
      else if (source?.type === 'TemplateLiteral' && source.expressions.length === 0) pieces.push(templateText(this.text, source));
      else return this.addDynamic(node, api, kind);
    }
    const starts: number[] = [];
    let length = 0;
    for (const p of pieces) {
      starts.push(length);
      length += p.text.length;
    }
    const pieceOf = (i: number): number => {
      let k = pieces.length - 1;
      while (k > 0 && starts[k]! > i) k--;
      return k;
    };
    const at = (i: number): number => pieces[pieceOf(i)]!.at(i - starts[pieceOf(i)]!);
    const value: MappedText = { text: pieces.map((p) => p.text).join(''), at, holes: [] };
    const [start, end] = [startOf(node), endOf(node)];
    // A range inside one piece is exact; one that crosses pieces covers the whole expression.
    const span = (from: number, to: number): [number, number] => (pieceOf(from) === pieceOf(Math.max(from, to - 1)) ? [at(from), at(to)] : [start, end]);
    this.push({ api, kind, dynamic: false, folded: true, span, value, start, end });
  }

  private addDynamic(arg: Node, api: SelectorApi, kind: RawSelectorUse['kind']): void {
    const start = startOf(arg);
    const source = this.text.slice(start, endOf(arg));
    this.push({ api, kind, dynamic: true, value: { text: source, at: (i) => start + i, holes: [] }, start, end: endOf(arg) });
  }

  private push(use: RawSelectorUse): void {
    const key = `${use.start}:${use.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.uses.push(use);
  }

  private scanCssText(value: MappedText): void {
    if (value.text.includes('<style')) {
      for (const m of value.text.matchAll(STYLE_TAG)) {
        const from = m.index + m[0].indexOf('>') + 1;
        this.addCss(slice(value, from, from + m[1]!.length));
      }
    } else if (CSS_SHAPE.test(value.text)) this.addCss(value);
  }

  private addCss(value: MappedText): void {
    // Reused between checks: the editor re-checks the same style strings on every keystroke, and
    // a string that only looked like CSS costs postcss a thrown error each time it is parsed.
    const scan = scanCss(value, { reuse: true });
    // Not CSS after all: a string that merely looked like it.
    if (scan.error) return;
    for (const use of scan.uses) this.push(use);
    this.hiding.push(...scan.hiding);
    this.urls.push(...scan.urls);
  }

  private scanMarkupUrls(value: MappedText): void {
    for (const m of value.text.matchAll(MARKUP_URL)) {
      const url = m[2] ?? m[4]!;
      const from = m.index + m[0].lastIndexOf(url);
      if (value.holes.some(([a, b]) => a < from + url.length && b > from) && !/^\w+:\/\/[^_]/.test(url)) continue;
      this.urls.push({ url, start: value.at(from), end: value.at(from + url.length) });
    }
  }
}
