/**
 * Nearest approved selectors for a rejected one — the quick fix behind "unapproved selector".
 * Plain edit distance over the whole text ranks `.pdp__title` as close to `.pdp-price` as
 * `.pdp__price` is, and misses that `#add-to-cart` and `[data-testid="add-to-cart-button"]` name
 * the same element. So selectors are compared hook by hook: each id, class, attribute, tag and
 * pseudo of the rejected selector is paired with the most similar hook of the candidate, where
 * similarity of names mixes edit distance with overlap of their words (`pdp-price` and
 * `pdp__price` share both words; `qty` counts as `quantity`), and an id, class or attribute
 * value may stand in for one another at a discount. The words of all hooks together, whatever
 * carries them, and a small whole-text term complete the score.
 */
import { analyseLenient, MAX_SELECTOR_LENGTH } from './parse.js';
import type { ScannedComplex } from './scan.js';
import { normalizeSelector } from './normalize.js';

export interface Suggestion {
  selector: string;
  /** 0..1, higher is closer; 1 only for the same selector up to normalization. */
  score: number;
}

type HookKind = 'id' | 'class' | 'attr' | 'tag' | 'pseudo';
interface Hook {
  kind: HookKind;
  name: string;
  value?: string;
}

/** Suggestions scoring below this are noise, not help. */
export const MIN_SUGGESTION_SCORE = 0.35;

const MAX_NAME = 200;

// Two reusable rows: names are capped at MAX_NAME, so this never reallocates.
const rowA = new Uint16Array(MAX_NAME + 1);
const rowB = new Uint16Array(MAX_NAME + 1);

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** Bounded memo: suggestions compare the same approved names over and over. */
function memo<T>(limit: number, fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, v);
    }
    return v;
  };
}

/** Words of an identifier: `addToCart`, `add-to-cart`, `add_to__cart` all give add, to, cart. */
export const identifierWords: (s: string) => readonly string[] = memo(10_000, (s) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
);

/**
 * Word equality that accepts the abbreviations front-end code is full of: a prefix of four or
 * more letters (`desc`/`description`, `info`/`information`) or a consonant skeleton whose
 * letters appear in order in the long word (`qty`/`quantity`, `btn`/`button`, `img`/`image`).
 */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || long.length < short.length + 2 || short[0] !== long[0] || /\d/.test(short)) return false;
  if (short.length >= 4 && long.startsWith(short)) return true;
  if (/[aeiou]/.test(short.slice(1))) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Dice coefficient of two word lists under {@link sameWord}. */
function wordOverlap(wa: readonly string[], wb: readonly string[]): number {
  const a = [...new Set(wa)];
  const b = [...new Set(wb)];
  if (a.length + b.length === 0) return 0;
  const common = a.filter((w) => b.some((v) => sameWord(w, v))).length;
  return (2 * common) / (a.length + b.length);
}

/** Similarity of two names in 0..1 (see the module comment). */
export function nameSimilarity(x: string, y: string): number {
  const a = x.slice(0, MAX_NAME).toLowerCase();
  const b = y.slice(0, MAX_NAME).toLowerCase();
  if (a === b) return 1;
  const edit = 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1);
  const wa = identifierWords(a);
  const wb = identifierWords(b);
  const dice = wordOverlap(wa, wb);
  // One name's words extending the other's (`add-to-cart` → `add-to-cart-button`) is the
  // typical "almost the right hook" case.
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const extends_ = short.length > 0 && short.every((w, i) => sameWord(long[i] ?? '', w)) ? 0.15 : 0;
  return Math.min(0.99, Math.max(edit, 0.5 * edit + 0.5 * dice) + extends_);
}

function collect(list: readonly ScannedComplex[], out: Hook[]): void {
  for (const complex of list) {
    for (const compound of complex.compounds) {
      for (const s of compound.simples) {
        if (s.kind === 'id' || s.kind === 'class' || s.kind === 'tag') out.push({ kind: s.kind, name: s.name });
        else if (s.kind === 'attribute') out.push({ kind: 'attr', name: s.name.toLowerCase(), value: s.value });
        else if (s.kind === 'pseudo-class' || s.kind === 'pseudo-element') out.push({ kind: 'pseudo', name: s.name });
        if (s.list) collect(s.list, out);
      }
    }
  }
}

/** Hooks of a selector; text that does not parse still yields the names it contains. */
function hooksOf(css: string): Hook[] {
  const { result, scanned } = analyseLenient(css);
  const out: Hook[] = [];
  if (result.ok) collect(scanned, out);
  else {
    const re = /([#.]?)(-?[A-Za-z_][\w-]*)(?:\s*[~|^$*]?=\s*["']?([^"'\]]*))?/g;
    for (const m of css.slice(0, MAX_SELECTOR_LENGTH).matchAll(re)) {
      const name = m[2] as string;
      if (m[1] === '#') out.push({ kind: 'id', name });
      else if (m[1] === '.') out.push({ kind: 'class', name });
      else if (m[3] !== undefined) out.push({ kind: 'attr', name: name.toLowerCase(), value: m[3] });
      else out.push({ kind: /^data-|^aria-/.test(name) ? 'attr' : 'tag', name: name.toLowerCase() });
    }
  }
  return out;
}

const hooks = memo(5_000, hooksOf);
const normalized = memo(5_000, normalizeSelector);

/** The name that identifies the element, for comparing hooks of different kinds. */
const identity = (h: Hook): string | undefined => (h.kind === 'id' || h.kind === 'class' ? h.name : h.kind === 'attr' ? h.value : undefined);

function hookSimilarity(q: Hook, c: Hook): number {
  if (q.kind === c.kind) {
    switch (q.kind) {
      case 'tag':
        return q.name === c.name ? 1 : 0;
      case 'pseudo':
        return q.name === c.name ? 1 : 0.3 * nameSimilarity(q.name, c.name);
      case 'attr': {
        const names = nameSimilarity(q.name, c.name);
        if (q.value === undefined && c.value === undefined) return names;
        if (q.value === undefined || c.value === undefined) return 0.6 * names;
        // The value names the element; a shared attribute name alone is weak evidence.
        return names * (0.1 + 0.9 * nameSimilarity(q.value, c.value));
      }
      default:
        return nameSimilarity(q.name, c.name);
    }
  }
  const qi = identity(q);
  const ci = identity(c);
  return qi && ci ? 0.75 * nameSimilarity(qi, ci) : 0;
}

/** All words naming the element, whatever hook carries them (`.cart-line__quantity input` → cart, line, quantity, input). */
function bagOfWords(list: readonly Hook[]): string[] {
  return list.flatMap((h) => (h.kind === 'pseudo' ? [] : identifierWords(h.kind === 'attr' ? `${h.value ?? h.name}` : h.name)));
}

function selectorScore(query: Hook[], candidate: Hook[]): number {
  if (query.length === 0 || candidate.length === 0) return 0;
  // Greedy pairing, best pairs first: selectors have a handful of hooks, so this is exact
  // enough and cheap.
  const pairs: [number, number, number][] = [];
  query.forEach((q, i) => candidate.forEach((c, j) => pairs.push([hookSimilarity(q, c), i, j])));
  pairs.sort((a, b) => b[0] - a[0]);
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  let sum = 0;
  for (const [s, i, j] of pairs) {
    if (s <= 0 || usedQ.has(i) || usedC.has(j)) continue;
    usedQ.add(i);
    usedC.add(j);
    sum += s;
  }
  // Unpaired query hooks cost fully; extra candidate hooks cost half (they narrow the match).
  return sum / (query.length + 0.5 * (candidate.length - usedC.size));
}

/**
 * Ranks approved selectors by closeness to `css`, best first; at most `limit` (default 3), and
 * only those scoring at least {@link MIN_SUGGESTION_SCORE}.
 *
 * @example suggestNearest('.pdp-price', ['.pdp__title', '.pdp__price']) // [{ selector: '.pdp__price', score: 0.9… }, …]
 */
export function suggestNearest(css: string, approved: readonly string[], limit = 3): Suggestion[] {
  if (limit <= 0 || approved.length === 0) return [];
  const queryText = normalizeSelector(css);
  const query = hooksOf(css);
  const queryWords = bagOfWords(query);
  const seen = new Set<string>();
  const scored: (Suggestion & { index: number })[] = [];
  approved.forEach((selector, index) => {
    if (seen.has(selector)) return;
    seen.add(selector);
    const candidate = normalized(selector);
    const candidateHooks = hooks(selector);
    const score =
      candidate === queryText
        ? 1
        : Math.min(0.99, 0.6 * selectorScore(query, candidateHooks) + 0.25 * wordOverlap(queryWords, bagOfWords(candidateHooks)) + 0.15 * nameSimilarity(queryText, candidate));
    if (score >= MIN_SUGGESTION_SCORE) scored.push({ selector, score: Math.round(score * 1000) / 1000, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map(({ selector, score }) => ({ selector, score }));
}
