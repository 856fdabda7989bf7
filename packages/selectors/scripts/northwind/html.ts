/**
 * A tiny deterministic HTML builder for the Northwind Outfitters page snapshots.
 * Deterministic (seeded PRNG) so that regenerating gives byte-identical files and
 * diffs of examples/northwind/snapshots stay meaningful.
 */

export type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string;
export interface Node {
  tag: string;
  attrs: Attrs;
  children: Child[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Element factory: `h('div', { class: 'x' }, 'text', h('span'))`. */
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[] | undefined | false)[]): Node {
  const flat: Child[] = [];
  for (const c of children) {
    if (c === undefined || c === false) continue;
    if (Array.isArray(c)) flat.push(...c);
    else flat.push(c);
  }
  return { tag, attrs, children: flat };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function renderAttrs(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeAttr(String(v))}"`;
  }
  return out;
}

/** Renders with two-space indentation; elements holding only text stay on one line. */
export function render(node: Child, depth = 0): string {
  const pad = '  '.repeat(depth);
  if (typeof node === 'string') return pad + escapeText(node);
  const open = `<${node.tag}${renderAttrs(node.attrs)}>`;
  if (VOID.has(node.tag)) return pad + open;
  if (node.children.every((c) => typeof c === 'string')) {
    return `${pad}${open}${node.children.map((c) => escapeText(c as string)).join('')}</${node.tag}>`;
  }
  const inner = node.children.map((c) => render(c, depth + 1)).join('\n');
  return `${pad}${open}\n${inner}\n${pad}</${node.tag}>`;
}

/** Counts elements in a tree (what the snapshot tests count after parsing). */
export function countElements(node: Child): number {
  if (typeof node === 'string') return 0;
  return 1 + node.children.reduce((n, c) => n + countElements(c), 0);
}

/** mulberry32: small seeded PRNG, good enough for fake hashes and prices. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALPHA_MIXED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Brittle-hook generators, imitating what real build tools emit. */
export class Hashes {
  private readonly rnd: () => number;
  private ember = 1180;
  constructor(seed: number) {
    this.rnd = prng(seed);
  }
  private pick(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.rnd() * alphabet.length)];
    return s;
  }
  /** Emotion: `css-1x2y3z` (base36 hash, digits and letters). */
  emotion(): string {
    return `css-${Math.floor(this.rnd() * 9) + 1}${this.pick(ALNUM, 5)}`;
  }
  /** styled-components: `sc-bdVaJa` component id plus a `kXwmTq` style class. */
  styled(): string {
    return `sc-${this.pick(ALPHA_MIXED, 6)} ${this.pick(ALPHA_MIXED, 6)}`;
  }
  /** CSS modules: `ProductTile_root__3xK9a`. */
  cssModule(component: string, local: string): string {
    return `${component}_${local}__${this.pick(ALNUM, 2)}${this.pick(ALPHA_MIXED, 3)}`;
  }
  /** styled-jsx: `jsx-2718281828`. */
  jsx(): string {
    return `jsx-${Math.floor(this.rnd() * 9e9) + 1e9}`;
  }
  /** Ember's auto ids: `ember1234`. */
  emberId(): string {
    this.ember += Math.floor(this.rnd() * 7) + 1;
    return `ember${this.ember}`;
  }
  number(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
}
