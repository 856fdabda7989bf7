import type { ESTree } from 'meriyah';
import { endOf, startOf } from './ast.js';

/**
 * The value of a string or template literal together with the way back to the source: `at(i)` is
 * the source offset of value index i (0…length), so a fault found inside the value (a selector
 * error, a CSS rule) gets an exact range in the file even across escapes like `\\:` or `\u0041`.
 */
export interface MappedText {
  text: string;
  at(index: number): number;
  /** Value ranges [start, end) that stand for `${…}` expressions (placeholders in `text`). */
  holes: ReadonlyArray<readonly [number, number]>;
  /** The quote of the JavaScript literal the text sits in, so fixes can escape what they insert. */
  quote?: string;
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Cooks raw literal source (between the quotes) starting at `base`, recording each value char's offset. */
function cook(raw: string, base: number, out: string[], map: number[]): void {
  for (let i = 0; i < raw.length; ) {
    const ch = raw[i]!;
    if (ch !== '\\') {
      out.push(ch);
      map.push(base + i);
      i++;
      continue;
    }
    const next = raw[i + 1] ?? '';
    let value = next;
    let len = 2;
    if (next in SIMPLE && !(next === '0' && /[0-9]/.test(raw[i + 2] ?? ''))) value = SIMPLE[next]!;
    else if (next === 'x') {
      value = String.fromCharCode(parseInt(raw.slice(i + 2, i + 4), 16));
      len = 4;
    } else if (next === 'u' && raw[i + 2] === '{') {
      const close = raw.indexOf('}', i);
      value = String.fromCodePoint(parseInt(raw.slice(i + 3, close), 16));
      len = close - i + 1;
    } else if (next === 'u') {
      value = String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      len = 6;
    } else if (next === '\r' || next === '\n' || next === '\u2028' || next === '\u2029') {
      value = '';
      len = next === '\r' && raw[i + 2] === '\n' ? 3 : 2;
    }
    for (let k = 0; k < value.length; k++) {
      out.push(value[k]!);
      map.push(base + i);
    }
    i += len;
  }
}

function build(parts: string[], map: number[], end: number, holes: Array<[number, number]>, quote: string): MappedText {
  map.push(end);
  return { text: parts.join(''), at: (i) => map[Math.max(0, Math.min(i, map.length - 1))]!, holes, quote };
}

/** The mapped value of a string literal (`source` is the whole file text). */
export function literalText(source: string, node: ESTree.Literal): MappedText {
  const start = startOf(node) + 1;
  const end = endOf(node) - 1;
  const raw = source.slice(start, end);
  const quote = source[start - 1] ?? '"';
  if (!raw.includes('\\')) return { text: raw, at: (i) => start + Math.max(0, Math.min(i, raw.length)), holes: [], quote };
  const out: string[] = [];
  const map: number[] = [];
  cook(raw, start, out, map);
  return build(out, map, end, [], quote);
}

/**
 * The mapped value of a template literal; each `${…}` becomes a run of `_` of the expression's
 * source length (so CSS inside stays parseable) and is listed in `holes`.
 */
export function templateText(source: string, node: ESTree.TemplateLiteral): MappedText {
  const out: string[] = [];
  const map: number[] = [];
  const holes: Array<[number, number]> = [];
  node.quasis.forEach((q, i) => {
    cook(source.slice(startOf(q), endOf(q)), startOf(q), out, map);
    const expr = node.expressions[i];
    if (!expr || i === node.quasis.length - 1) return;
    const holeStart = endOf(q);
    const holeEnd = startOf(node.quasis[i + 1]!);
    const from = out.length;
    for (let k = holeStart; k < holeEnd; k++) {
      out.push('_');
      map.push(k);
    }
    holes.push([from, out.length]);
  });
  return build(out, map, endOf(node) - 1, holes, '`');
}
