import type { ESTree } from 'meriyah';
import { calleeMethod, memberPath, propertyName, staticString } from './ast.js';
import type { Node, Visitor } from './walk.js';

/**
 * What a file tells about itself, gathered in the same single walk (source order, no scope
 * analysis): names bound to Optimizely's utils, string constants, and the class/id/attribute
 * names the variation creates itself.
 */
export class ProgramFacts {
  /** Identifiers bound to `window.optimizely.get('utils')`. `utils` itself always counts. */
  readonly utilsNames = new Set<string>(['utils']);
  /** Identifiers destructured from utils: local name → method, e.g. `wait` → `waitForElement`. */
  readonly utilsMethods = new Map<string, string>();
  /** `const NAME = 'text'` declarations; null when a name is declared more than once. */
  readonly consts = new Map<string, ESTree.Literal | ESTree.TemplateLiteral | null>();
  /** Named functions (declarations and `const f = function/arrow`); null when a name is bound twice. */
  readonly functions = new Map<string, ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression | null>();
  /** Class, id and data-attribute names the variation creates (it may select them freely). */
  readonly ownedNames = new Set<string>();

  /** True for `optimizely.get('utils')` (any global prefix) and for identifiers bound to it. */
  isUtils(node: Node): boolean {
    if (node.type === 'Identifier') return this.utilsNames.has(node.name);
    if (node.type !== 'CallExpression') return false;
    return memberPath(node.callee) === 'optimizely.get' && staticString(node.arguments[0] as Node) === 'utils';
  }

  /**
   * The canonical name of a call's callee: `utils.<method>` for Optimizely utils however reached,
   * else the dotted member path (global prefixes removed), else undefined.
   */
  calleeName(call: ESTree.CallExpression | ESTree.NewExpression): string | undefined {
    // Every rule's handler for one call runs back to back, so a one-entry cache serves them all.
    if (call === this.lastCall) return this.lastName;
    this.lastCall = call;
    this.lastName = this.resolveCallee(call);
    return this.lastName;
  }

  private lastCall: Node | undefined;
  private lastName: string | undefined;

  private resolveCallee(call: ESTree.CallExpression | ESTree.NewExpression): string | undefined {
    let callee: Node = call.callee;
    if (callee.type === 'ChainExpression') callee = callee.expression;
    if (callee.type === 'Identifier' && this.utilsMethods.has(callee.name)) return `utils.${this.utilsMethods.get(callee.name)}`;
    if (callee.type === 'MemberExpression' && this.isUtils(callee.object)) return `utils.${propertyName(callee) ?? ''}`;
    return memberPath(callee);
  }

  visitor(): Visitor {
    const bindFunction = (name: string, fn: ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression): void => {
      this.functions.set(name, this.functions.has(name) ? null : fn);
    };
    return {
      FunctionDeclaration: (f) => {
        if (f.id) bindFunction(f.id.name, f);
      },
      VariableDeclarator: (d) => {
        const init = d.init as Node | null;
        if (!init) return;
        if (d.id.type === 'Identifier' && (init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression')) bindFunction(d.id.name, init);
        if (d.id.type === 'Identifier') {
          if (this.isUtils(init)) this.utilsNames.add(d.id.name);
          if ((init.type === 'Literal' && typeof init.value === 'string') || (init.type === 'TemplateLiteral' && init.expressions.length === 0)) {
            this.consts.set(d.id.name, this.consts.has(d.id.name) ? null : init);
          } else if (this.consts.has(d.id.name)) this.consts.set(d.id.name, null);
        } else if (d.id.type === 'ObjectPattern' && this.isUtils(init)) {
          for (const p of d.id.properties) {
            if (p.type === 'Property' && p.key.type === 'Identifier' && p.value.type === 'Identifier') {
              this.utilsMethods.set(p.value.name, p.key.name);
            }
          }
        }
      },
      AssignmentExpression: (a) => {
        if (a.left.type === 'Identifier') {
          if (this.isUtils(a.right as Node)) this.utilsNames.add(a.left.name);
          if (this.consts.has(a.left.name)) this.consts.set(a.left.name, null);
        }
        const path = a.left.type === 'MemberExpression' ? propertyName(a.left) : undefined;
        const value = staticString(a.right as Node);
        if (value === undefined) return;
        if (path === 'className' || path === 'id') this.addNames(value);
        if (a.left.type === 'MemberExpression' && a.left.object.type === 'MemberExpression' && propertyName(a.left.object) === 'dataset' && path) {
          this.ownedNames.add('data-' + path.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
        }
      },
      CallExpression: (c) => {
        const method = calleeMethod(c);
        if (!method || !NAMING_METHODS.has(method)) return;
        const args = c.arguments.map((a) => staticString(a as Node));
        if ((method === 'add' || method === 'toggle') && isClassList(c)) args.forEach((v) => v && this.addNames(v));
        else if (method === 'addClass' || method === 'toggleClass') args.forEach((v) => v && this.addNames(v));
        else if ((method === 'setAttribute' || method === 'attr') && args[0] !== undefined) {
          if ((args[0] === 'class' || args[0] === 'id') && args[1]) this.addNames(args[1]);
          else if (args[0].startsWith('data-')) this.ownedNames.add(args[0]);
        }
      },
      Literal: (l) => {
        if (typeof l.value === 'string' && l.value.includes('=')) this.scanMarkup(l.value);
      },
      TemplateElement: (t) => {
        const v = t.value.cooked;
        if (v && v.includes('=')) this.scanMarkup(v);
      },
    };
  }

  private addNames(value: string): void {
    for (const name of value.split(/\s+/)) if (name) this.ownedNames.add(name);
  }

  /** Names from HTML inside a string: `class="a b"`, `id="x"`, `data-foo=`. */
  private scanMarkup(text: string): void {
    for (const m of text.matchAll(/\b(class|id)\s*=\s*(["'])([^"']*)\2/gi)) this.addNames(m[3]!);
    for (const m of text.matchAll(/\s(data-[\w-]+)\s*=/gi)) this.ownedNames.add(m[1]!.toLowerCase());
  }
}

/** Methods that give an element a class, id or data attribute. */
const NAMING_METHODS = new Set(['add', 'toggle', 'addClass', 'toggleClass', 'setAttribute', 'attr']);

function isClassList(c: ESTree.CallExpression): boolean {
  const callee = c.callee.type === 'ChainExpression' ? c.callee.expression : c.callee;
  return callee.type === 'MemberExpression' && callee.object.type === 'MemberExpression' && propertyName(callee.object) === 'classList';
}
