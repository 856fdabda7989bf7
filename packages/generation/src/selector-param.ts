/**
 * Resolving a selector parameter to an approved selector of the brand — the heart of "a selector
 * parameter accepts only an approved selector" (DESIGN.md, "Generation is safe by construction").
 */
import type { ApprovedSelector, Brand, TemplateParameter } from '@brandsafe/brand-kit';
import { MIN_SUGGESTION_SCORE, nameSimilarity, suggestNearest } from '@brandsafe/selectors';
import { GenerationError } from './error.js';

/** Whitespace-insensitive form of a selector, so `.a  > .b` and `.a > .b` are the same text. */
function normalizeCss(css: string): string {
  return css.trim().replace(/\s*([>+~,])\s*/g, '$1').replace(/\s+/g, ' ');
}

/** Selectors approved on `pageType` (a selector with no page types is approved on every page). */
export function selectorsForPage(brand: Brand, pageType: string | undefined): ApprovedSelector[] {
  if (pageType === undefined) return brand.selectors;
  return brand.selectors.filter((s) => s.pageTypes.length === 0 || s.pageTypes.includes(pageType));
}

/** Normalised css per approved selector, computed once per selector object. */
const normalized = new WeakMap<ApprovedSelector, string>();
function cssOf(s: ApprovedSelector): string {
  let n = normalized.get(s);
  if (n === undefined) {
    n = normalizeCss(s.css);
    normalized.set(s, n);
  }
  return n;
}

function matches(s: ApprovedSelector, wanted: string, wantedCss: string): boolean {
  return s.id === wanted || s.iri === wanted || cssOf(s) === wantedCss;
}

/**
 * Up to `limit` approved selectors closest to `wanted`, best first. The ranking is the checker's
 * own (`suggestNearest` of @brandsafe/selectors, the quick fix behind brand/unapproved-selector),
 * so generation and the editor suggest the same selectors. A value that is a bare name may be an
 * approved selector's id (`add-to-cart`), so ids are ranked too, by the same name similarity.
 */
export function nearestSelectors(candidates: readonly ApprovedSelector[], wanted: string, limit = 3): ApprovedSelector[] {
  const byCss = new Map<string, ApprovedSelector>();
  for (const s of candidates) if (!byCss.has(s.css)) byCss.set(s.css, s);
  const scored = new Map<ApprovedSelector, number>();
  for (const x of suggestNearest(wanted, [...byCss.keys()], limit)) scored.set(byCss.get(x.selector)!, x.score);
  if (/^[\w-]+$/.test(wanted)) {
    for (const s of candidates) {
      const score = nameSimilarity(wanted, s.id);
      if (score >= MIN_SUGGESTION_SCORE && score > (scored.get(s) ?? 0)) scored.set(s, score);
    }
  }
  return [...scored]
    .sort((a, b) => b[1] - a[1] || a[0].css.localeCompare(b[0].css))
    .slice(0, limit)
    .map(([s]) => s);
}

/**
 * The approved selector a parameter value names, by css text or by id (or IRI). The page type is
 * the parameter's own `pageType`, else the request's. Anything else is `UNAPPROVED_SELECTOR`
 * naming the parameter and listing the nearest approved selectors.
 */
export function resolveSelector(brand: Brand, param: TemplateParameter, value: string, requestPageType?: string): ApprovedSelector {
  const pageType = param.pageType ?? requestPageType;
  const allowed = selectorsForPage(brand, pageType);
  const valueCss = normalizeCss(value);
  const hit = allowed.find((s) => matches(s, value, valueCss));
  if (hit) return hit;
  const elsewhere = brand.selectors.find((s) => matches(s, value, valueCss));
  const nearest = nearestSelectors(allowed, value);
  const where = pageType === undefined ? '' : ` on page type "${pageType}"`;
  const why = elsewhere ? ` (it is approved only on ${elsewhere.pageTypes.join(', ')})` : '';
  const hint =
    nearest.length > 0 ? `; nearest approved: ${nearest.map((s) => `${s.css} (${s.id})`).join(', ')}` : allowed.length > 0 ? '; no approved selector here is close to it' : '; the brand approves none here';
  throw new GenerationError(
    'UNAPPROVED_SELECTOR',
    `parameter "${param.name}": ${JSON.stringify(value)} is not an approved selector${where}${why}${hint}`,
    { details: { parameter: param.name, suggestions: nearest.map((s) => s.css) } },
  );
}
