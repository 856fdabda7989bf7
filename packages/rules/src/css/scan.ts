import postcss, { type AnyNode, type AtRule, type Comment as CssComment, type Declaration, type Rule } from 'postcss';
import type { MappedText } from '../js/text.js';
import type { SourceComment } from '../suppress.js';
import { splitSelectorList, type RawSelectorUse } from '../selectors/use.js';

/** A declaration that hides the whole page (`body { opacity: 0 }`): flicker control gone wrong. */
export interface HidingDeclaration {
  start: number;
  end: number;
  target: string;
  declaration: string;
}

/** A URL the page will fetch: `url(…)`/`@import` in CSS, `src=` or `<link href=` in markup. */
export interface ResourceUrl {
  url: string;
  start: number;
  end: number;
}

export interface CssScan {
  uses: RawSelectorUse[];
  hiding: HidingDeclaration[];
  urls: ResourceUrl[];
  comments: SourceComment[];
  /** Set when the text is not CSS; offsets are source offsets. */
  error?: { start: number; end: number; message: string };
}

const HIDES: Record<string, RegExp> = {
  display: /^none$/i,
  visibility: /^hidden$/i,
  opacity: /^0*(\.0*)?%?$/,
};

/** True when a selector's subject (last compound) is the page itself: `body`, `html.x`, `:root`. */
export function targetsPage(selector: string): boolean {
  const compounds = selector.trim().split(/\s*[\s>+~]\s*/);
  return /^(html|body|:root)(?![\w-])/i.test(compounds[compounds.length - 1] ?? '');
}

/** True when a declaration hides what it applies to (display:none, visibility:hidden, opacity:0). */
export function hidesElement(prop: string, value: string): boolean {
  return HIDES[prop.toLowerCase()]?.test(value.replace(/!important/i, '').trim()) ?? false;
}

function insideKeyframes(node: AnyNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'atrule' && /keyframes$/i.test((p as AtRule).name)) return true;
  return false;
}

/**
 * What scanCss finds in CSS text, in offsets of that text: a pure function of the text, so it
 * can be kept between checks (see {@link CssScanOptions.reuse}).
 */
interface LocalScan {
  error?: { offset: number; endOffset: number; message: string };
  rules: Array<{ start: number; raw: string; text: string; hiding: Array<{ from: number; to: number; target: string; declaration: string }> }>;
  urls: Array<{ url: string; at: number }>;
  comments: Array<{ value: string; start: number; length: number }>;
}

function scanLocal(css: string): LocalScan {
  const scan: LocalScan = { rules: [], urls: [], comments: [] };
  let root;
  try {
    root = postcss.parse(css);
  } catch (e) {
    const input = (e as { input?: { offset?: number; endOffset?: number } }).input;
    const offset = input?.offset ?? 0;
    scan.error = { offset, endOffset: Math.max(offset + 1, input?.endOffset ?? 0), message: (e as { reason?: string }).reason ?? String(e) };
    return scan;
  }
  root.walk((node) => {
    if (node.type === 'comment') scan.comments.push(commentOf(node));
    else if (node.type === 'rule' && !insideKeyframes(node)) scan.rules.push(ruleOf(node, css));
    else if (node.type === 'decl' && /url\(/i.test(node.value)) {
      const from = (node.source?.start?.offset ?? 0) + node.prop.length + (node.raws.between ?? ':').length;
      collectUrls(node.raws.value?.raw ?? node.value, from, scan.urls);
    } else if (node.type === 'atrule' && node.name.toLowerCase() === 'import') {
      const from = (node.source?.start?.offset ?? 0) + 1 + node.name.length + (node.raws.afterName ?? '').length;
      collectUrls(node.raws.params?.raw ?? node.params, from, scan.urls);
    }
  });
  return scan;
}

/** CSS texts scanned for callers that asked to reuse results, least recently used first (bounded). */
const REUSED = new Map<string, LocalScan>();
const REUSE_LIMIT = 500;
/** Longer texts are scanned every time: a big stylesheet is rarely repeated verbatim. */
const REUSE_MAX_CHARS = 16_384;

function scanLocalReused(css: string): LocalScan {
  let hit = REUSED.get(css);
  if (hit) REUSED.delete(css);
  else {
    hit = scanLocal(css);
    if (REUSED.size >= REUSE_LIMIT) REUSED.delete(REUSED.keys().next().value as string);
  }
  REUSED.set(css, hit);
  return hit;
}

export interface CssScanOptions {
  /**
   * Keep the result for this text and reuse it when the same text comes again. For CSS inside
   * JavaScript strings: the language server re-checks a variation on every keystroke, and its
   * style strings rarely change between two of them. Parsing them again with postcss was about
   * 5 % of a fresh server's first checks. Texts over 16 KB are never kept.
   */
  reuse?: boolean;
}

/**
 * Scans CSS text: every rule selector as a selector use with exact source ranges, page-hiding
 * declarations and comments (for suppressions). `source` maps the CSS text back to the file
 * (identity for a .css file; a string literal's mapping for CSS text inside JavaScript).
 */
export function scanCss(source: MappedText, options: CssScanOptions = {}): CssScan {
  const local = options.reuse && source.text.length <= REUSE_MAX_CHARS ? scanLocalReused(source.text) : scanLocal(source.text);
  const scan: CssScan = { uses: [], hiding: [], urls: [], comments: [] };
  if (local.error) {
    scan.error = { start: source.at(local.error.offset), end: source.at(local.error.endOffset), message: local.error.message };
    return scan;
  }
  const inHole = (from: number, to: number): boolean => source.holes.some(([a, b]) => a < to && b > from);
  for (const c of local.comments) scan.comments.push({ value: c.value, start: source.at(c.start), end: source.at(c.start + c.length) });
  for (const rule of local.rules) {
    const { start, text } = rule;
    const value: MappedText = { text, at: (i) => source.at(start + i), holes: [], quote: source.quote };
    const dynamic = inHole(start, start + rule.raw.length);
    scan.uses.push({ api: 'css', kind: 'selector', dynamic, value, start: value.at(0), end: value.at(text.length) });
    if (dynamic) continue;
    for (const h of rule.hiding) scan.hiding.push({ start: source.at(h.from), end: source.at(h.to), target: h.target, declaration: h.declaration });
  }
  for (const u of local.urls) scan.urls.push({ url: u.url, start: source.at(u.at), end: source.at(u.at + u.url.length) });
  return scan;
}

const CSS_URL = /url\(\s*(["']?)([^"')\s]+)\1\s*\)|^\s*(["'])([^"']+)\3/gi;

/** URLs in a declaration value or @import prelude that starts at CSS offset `from`. */
function collectUrls(raw: string, from: number, out: LocalScan['urls']): void {
  for (const m of raw.matchAll(CSS_URL)) {
    const url = m[2] ?? m[4]!;
    out.push({ url, at: from + m.index + m[0].indexOf(url) });
  }
}

function commentOf(c: CssComment): LocalScan['comments'][number] {
  const length = 4 + (c.raws.left ?? '').length + c.text.length + (c.raws.right ?? '').length;
  return { value: c.text, start: c.source?.start?.offset ?? 0, length };
}

function ruleOf(rule: Rule, css: string): LocalScan['rules'][number] {
  const start = rule.source?.start?.offset ?? 0;
  const raw = rule.raws.selector?.raw ?? rule.selector;
  // Comments inside a selector become spaces of the same length, so offsets stay exact.
  const text = raw.replace(/\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
  const hiding: LocalScan['rules'][number]['hiding'] = [];
  const page = splitSelectorList(text).find((p) => targetsPage(p.selector));
  if (page) {
    rule.each((child) => {
      if (child.type !== 'decl' || !hidesElement(child.prop, child.value)) return;
      const [from, to] = declarationSpan(child, css);
      hiding.push({ from, to, target: page.selector, declaration: `${child.prop}: ${child.value}` });
    });
  }
  return { start, raw, text, hiding };
}

function declarationSpan(d: Declaration, css: string): [number, number] {
  const from = d.source?.start?.offset ?? 0;
  let to = d.source?.end?.offset ?? from;
  while (to > from && /[;\s]/.test(css[to - 1]!)) to--;
  return [from, to];
}
