/**
 * A positional scanner for CSS selector lists. css-what gives the AST but no source positions and
 * error messages without offsets; this scanner walks the same grammar (Selectors Level 4 §16,
 * https://www.w3.org/TR/selectors-4/#grammar) keeping the offset and length of every simple
 * selector, compound, combinator and fault, so diagnostics can point at the exact characters.
 * It is deliberately strict where browsers are (ids and classes are CSS identifiers, so `#123`
 * fails like `querySelector('#123')` does) and knows nothing about pseudo-class names: that
 * check lives in pseudos.ts.
 */
import type { ScanResult, ScannedCombinator, ScannedComplex, ScannedCompound, ScannedSimple } from './scan-types.js';

export type * from './scan-types.js';

/** Pseudo-classes whose argument is itself a selector list. */
export const SELECTOR_LIST_PSEUDOS = new Set(['not', 'is', 'where', 'has', 'matches', '-webkit-any', '-moz-any', 'host', 'host-context']);

class Fault extends Error {
  constructor(message: string, readonly offset: number, readonly length: number) {
    super(message);
  }
}

// Character classes by code unit: these run once per character, so no regular expressions.
const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
function isNameStart(c: string | undefined): boolean {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 97 && x <= 122) || (x >= 65 && x <= 90) || x === 95 || x >= 0x80;
}
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameChar = (c: string | undefined): boolean => isNameStart(c) || isDigit(c) || c === '-';

/** Scans `src`; never throws. On the first fault it returns what it has plus `error`. */
export function scanSelectorList(src: string): ScanResult {
  const s = new Scanner(src);
  try {
    const list = s.list(false, 0);
    if (s.i < src.length) throw new Fault(`Unexpected '${src[s.i]}'`, s.i, 1);
    return { list };
  } catch (e) {
    if (e instanceof Fault) {
      // Clamp: a fault at the end of the text ("expected a name") has nothing left to cover.
      const offset = Math.min(e.offset, src.length);
      return { list: [], error: { message: e.message, offset, length: Math.max(0, Math.min(e.length, src.length - offset)) } };
    }
    throw e;
  }
}

class Scanner {
  i = 0;
  constructor(private readonly src: string) {}

  private get c(): string | undefined {
    return this.src[this.i];
  }

  /** Skips whitespace and comments; returns whether whitespace was skipped (comments alone separate nothing, CSS Syntax §4.3.2). */
  private ws(): boolean {
    let space = false;
    for (;;) {
      if (isWs(this.c)) {
        this.i++;
        space = true;
      } else if (!this.comment()) return space;
    }
  }

  /** Skips one comment if there is one here. */
  private comment(): boolean {
    if (!this.src.startsWith('/*', this.i)) return false;
    const end = this.src.indexOf('*/', this.i + 2);
    if (end < 0) throw new Fault('Comment is not terminated', this.i, this.src.length - this.i);
    this.i = end + 2;
    return true;
  }

  list(nested: boolean, depth: number, relative = false): ScannedComplex[] {
    if (depth > 32) throw new Fault('Selector nesting is deeper than 32 levels', this.i, 1);
    const out: ScannedComplex[] = [];
    for (;;) {
      this.ws();
      const start = this.i;
      if (this.c === ',' || this.c === undefined || (nested && this.c === ')')) {
        const what = out.length === 0 && this.c !== ',' ? 'Empty selector' : 'Empty selector in selector list';
        throw new Fault(what, start, this.c === ',' ? 1 : 0);
      }
      out.push(this.complex(relative, depth));
      if (this.c !== ',') return out;
      this.i++;
    }
  }

  private combinator(): ScannedCombinator | undefined {
    const start = this.i;
    if (this.src.startsWith('||', this.i)) {
      this.i += 2;
      return { kind: '||', offset: start, length: 2 };
    }
    const c = this.c;
    if (c === '>' || c === '+' || c === '~') {
      this.i++;
      return { kind: c, offset: start, length: 1 };
    }
    return undefined;
  }

  private complex(relative: boolean, depth: number): ScannedComplex {
    const start = this.i;
    const result: ScannedComplex = { offset: start, length: 0, compounds: [], combinators: [] };
    const lead = this.combinator();
    if (lead) {
      // A leading combinator is only meaningful in a relative selector (`:has(> img)`).
      if (!relative) throw new Fault(`Selector cannot start with the combinator '${lead.kind}'`, lead.offset, lead.length);
      result.leading = lead;
      this.ws();
    }
    for (;;) {
      const compound = this.compound(depth);
      if (!compound) {
        const prev = result.combinators.at(-1) ?? result.leading;
        if (prev) throw new Fault(`Expected a selector after '${prev.kind}'`, prev.offset, prev.length);
        throw new Fault(this.c === undefined ? 'Expected a selector' : `Unexpected '${this.c}'`, this.i, this.c === undefined ? 0 : 1);
      }
      result.compounds.push(compound);
      const wsStart = this.i;
      const sawWs = this.ws();
      const comb = this.combinator();
      if (comb) {
        result.combinators.push(comb);
        this.ws();
        continue;
      }
      const c = this.c;
      if (sawWs && c !== undefined && c !== ',' && c !== ')') {
        result.combinators.push({ kind: ' ', offset: wsStart, length: this.i - wsStart });
        continue;
      }
      const last = result.compounds.at(-1) as ScannedCompound;
      result.length = last.offset + last.length - start;
      return result;
    }
  }

  private compound(depth: number): ScannedCompound | undefined {
    const start = this.i;
    const simples: ScannedSimple[] = [];
    for (;;) {
      if (simples.length > 0 && this.comment()) continue;
      const at = this.i;
      const c = this.c;
      let simple: ScannedSimple | undefined;
      if (c === '*' && simples.length === 0) {
        this.i++;
        simple = { kind: 'universal', name: '*', offset: at, length: 1 };
      } else if (simples.length === 0 && (isNameStart(c) || c === '\\' || c === '-')) {
        simple = { kind: 'tag', name: this.ident('element name'), offset: at, length: 0 };
      } else if (c === '#' || c === '.') {
        this.i++;
        const name = this.ident(c === '#' ? 'id' : 'class name', at);
        simple = { kind: c === '#' ? 'id' : 'class', name, offset: at, length: 0 };
      } else if (c === '[') {
        simple = this.attribute();
      } else if (c === ':') {
        simple = this.pseudo(depth);
      } else break;
      simple.length = this.i - simple.offset;
      simples.push(simple);
    }
    return simples.length ? { offset: start, length: this.i - start, simples } : undefined;
  }

  /** A CSS identifier (CSS Syntax §4.3.11), unescaped. `what` names it in error messages. */
  private ident(what: string, prefixStart = this.i): string {
    const start = this.i;
    let out = '';
    if (this.c === '-') {
      out += '-';
      this.i++;
      if (this.c === '-') {
        out += '-';
        this.i++;
      }
    }
    if (isDigit(this.c) && (out === '' || out === '-')) {
      let end = this.i;
      while (isNameChar(this.src[end])) end++;
      const text = this.src.slice(start, end);
      throw new Fault(
        what === 'attribute value'
          ? `Unquoted attribute value '${text}' is not a CSS identifier; put it in quotes`
          : `A CSS ${what} cannot start with a digit ('${text}'); escape it or use an attribute selector`,
        start,
        end - start,
      );
    }
    for (;;) {
      const c = this.c;
      if (c === '\\') {
        const m = /^\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([^\n\r\f]))/.exec(this.src.slice(this.i, this.i + 9));
        if (!m) throw new Fault('Invalid escape', this.i, 1);
        out += m[1] ? String.fromCodePoint(Math.min(parseInt(m[1], 16), 0x10ffff) || 0xfffd) : m[2];
        this.i += m[0].length;
      } else if (isNameChar(c)) {
        out += c;
        this.i++;
      } else break;
    }
    if (out === '' || out === '-') {
      throw new Fault(`Expected ${what}${this.c === undefined ? '' : `, found '${this.c}'`}`, prefixStart, Math.max(1, this.i - prefixStart));
    }
    return out;
  }

  private attribute(): ScannedSimple {
    const start = this.i++;
    this.ws();
    if (this.c === '*' || this.c === '|') {
      // Namespace prefix `*|attr` or `|attr`.
      if (this.c === '*') this.i++;
      if (this.c !== '|') throw new Fault('Expected attribute name', start, this.i - start);
      this.i++;
    }
    const name = this.ident('attribute name');
    this.ws();
    const simple: ScannedSimple = { kind: 'attribute', name, offset: start, length: 0 };
    const op = /^(?:[~|^$*!]?=)/.exec(this.src.slice(this.i, this.i + 2));
    if (op) {
      simple.operator = op[0];
      this.i += op[0].length;
      this.ws();
      const q = this.c;
      if (q === '"' || q === "'") simple.value = this.string(q);
      else if (this.c !== undefined && this.c !== ']') simple.value = this.ident('attribute value');
      else throw new Fault('Expected attribute value', this.i, 0);
      this.ws();
      if (this.c !== undefined && /[iIsS]/.test(this.c) && !isNameChar(this.src[this.i + 1])) {
        this.i++;
        this.ws();
      }
    }
    if (this.c !== ']') {
      throw new Fault(this.c === undefined ? "Attribute selector is missing its closing ']'" : `Unexpected '${this.c}' in attribute selector`, this.c === undefined ? start : this.i, this.c === undefined ? this.i - start : 1);
    }
    this.i++;
    return simple;
  }

  private string(q: string): string {
    const start = this.i++;
    let out = '';
    for (;;) {
      const c = this.c;
      if (c === undefined || c === '\n') throw new Fault('String is not terminated', start, this.i - start);
      if (c === q) {
        this.i++;
        return out;
      }
      if (c === '\\') {
        out += this.src[this.i + 1] ?? '';
        this.i += 2;
      } else {
        out += c;
        this.i++;
      }
    }
  }

  private pseudo(depth: number): ScannedSimple {
    const start = this.i;
    const element = this.src.startsWith('::', this.i);
    this.i += element ? 2 : 1;
    const name = this.ident(element ? 'pseudo-element name' : 'pseudo-class name', start).toLowerCase();
    const simple: ScannedSimple = { kind: element ? 'pseudo-element' : 'pseudo-class', name, offset: start, length: 0 };
    if (this.c !== '(') return simple;
    this.i++;
    const argStart = this.i;
    if (!element && SELECTOR_LIST_PSEUDOS.has(name)) {
      simple.list = this.list(true, depth + 1, name === 'has');
      this.ws();
    } else this.skipBalanced(start);
    if (this.src[this.i] !== ')') throw new Fault(`Missing ')' to close :${name}(`, start, this.i - start);
    simple.args = { offset: argStart, length: this.i - argStart, text: this.src.slice(argStart, this.i) };
    this.i++;
    return simple;
  }

  /** Skips a raw argument up to (not including) its closing parenthesis, minding strings and nesting. */
  private skipBalanced(open: number): void {
    let depth = 0;
    for (;;) {
      const c = this.c;
      if (c === undefined) throw new Fault("Missing ')' to close the pseudo-class argument", open, this.i - open);
      if (c === '"' || c === "'") this.string(c);
      else if (c === '(') {
        depth++;
        this.i++;
      } else if (c === ')') {
        if (depth === 0) return;
        depth--;
        this.i++;
      } else this.i++;
    }
  }
}
