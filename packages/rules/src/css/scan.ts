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
 * Scans CSS text: every rule selector as a selector use with exact source ranges, page-hiding
 * declarations and comments (for suppressions). `source` maps the CSS text back to the file
 * (identity for a .css file; a string literal's mapping for CSS text inside JavaScript).
 */
export function scanCss(source: MappedText): CssScan {
  const css = source.text;
  const scan: CssScan = { uses: [], hiding: [], urls: [], comments: [] };
  let root;
  try {
    root = postcss.parse(css);
  } catch (e) {
    const input = (e as { input?: { offset?: number; endOffset?: number } }).input;
    const offset = input?.offset ?? 0;
    const reason = (e as { reason?: string }).reason ?? String(e);
    scan.error = { start: source.at(offset), end: source.at(Math.max(offset + 1, input?.endOffset ?? 0)), message: reason };
    return scan;
  }
  const inHole = (from: number, to: number): boolean => source.holes.some(([a, b]) => a < to && b > from);
  root.walk((node) => {
    if (node.type === 'comment') scan.comments.push(commentOf(node, source));
    else if (node.type === 'rule' && !insideKeyframes(node)) scanRule(node, source, scan, inHole);
    else if (node.type === 'decl' && /url\(/i.test(node.value)) {
      const from = (node.source?.start?.offset ?? 0) + node.prop.length + (node.raws.between ?? ':').length;
      collectUrls(node.raws.value?.raw ?? node.value, from, source, scan.urls);
    } else if (node.type === 'atrule' && node.name.toLowerCase() === 'import') {
      const from = (node.source?.start?.offset ?? 0) + 1 + node.name.length + (node.raws.afterName ?? '').length;
      collectUrls(node.raws.params?.raw ?? node.params, from, source, scan.urls);
    }
  });
  return scan;
}

const CSS_URL = /url\(\s*(["']?)([^"')\s]+)\1\s*\)|^\s*(["'])([^"']+)\3/gi;

/** URLs in a declaration value or @import prelude that starts at CSS offset `from`. */
function collectUrls(raw: string, from: number, source: MappedText, out: ResourceUrl[]): void {
  for (const m of raw.matchAll(CSS_URL)) {
    const url = m[2] ?? m[4]!;
    const at = from + m.index + m[0].indexOf(url);
    out.push({ url, start: source.at(at), end: source.at(at + url.length) });
  }
}

function commentOf(c: CssComment, source: MappedText): SourceComment {
  const start = c.source?.start?.offset ?? 0;
  const length = 4 + (c.raws.left ?? '').length + c.text.length + (c.raws.right ?? '').length;
  return { value: c.text, start: source.at(start), end: source.at(start + length) };
}

function scanRule(rule: Rule, source: MappedText, scan: CssScan, inHole: (a: number, b: number) => boolean): void {
  const start = rule.source?.start?.offset ?? 0;
  const raw = rule.raws.selector?.raw ?? rule.selector;
  // Comments inside a selector become spaces of the same length, so offsets stay exact.
  const text = raw.replace(/\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length));
  const value: MappedText = { text, at: (i) => source.at(start + i), holes: [], quote: source.quote };
  const dynamic = inHole(start, start + raw.length);
  scan.uses.push({ api: 'css', kind: 'selector', dynamic, value, start: value.at(0), end: value.at(text.length) });
  if (dynamic) return;
  const page = splitSelectorList(text).find((p) => targetsPage(p.selector));
  if (!page) return;
  rule.each((child) => {
    if (child.type !== 'decl' || !hidesElement(child.prop, child.value)) return;
    const [from, to] = declarationSpan(child, source.text);
    scan.hiding.push({ start: source.at(from), end: source.at(to), target: page.selector, declaration: `${child.prop}: ${child.value}` });
  });
}

function declarationSpan(d: Declaration, css: string): [number, number] {
  const from = d.source?.start?.offset ?? 0;
  let to = d.source?.end?.offset ?? from;
  while (to > from && /[;\s]/.test(css[to - 1]!)) to--;
  return [from, to];
}
