/**
 * Choosing the template that best fits a request. Documented in README.md ("Template choice"):
 *
 * 1. `templateId` given: that template (by id or IRI), else UNKNOWN_TEMPLATE.
 * 2. Page type given: templates declared for other page types drop out (no page types = any).
 * 3. Test type score T: 1 for an exact match (case and `_`/space/`-` insensitive), else the
 *    Jaccard overlap of the two test types' words (`cta` vs `cta-change` = 0.5). T = 0 drops out.
 * 4. Lexical score L: the share of the description's words (lower-cased, stop words dropped, a
 *    plural `s` stripped) found among the template's label, description, test type, parameter
 *    names (camelCase split) and parameter descriptions. No description words: L = 0.
 * 5. Parameter score P: the mean of (a) the share of the given parameter names the template
 *    declares and (b) the share of its required, default-less parameters that were given (each
 *    1 when there is nothing to count) — given values are strong evidence of the template meant.
 * 6. Rank by T, then P, then L, then templates that name the page type over generic ones, then id.
 *
 * Fit = 0.6·T + 0.4·L, in [0, 1]; it feeds the confidence score.
 */
import type { Template } from '@brandsafe/brand-kit';
import { GenerationError } from './error.js';
import type { GenerationRequest } from './types.js';

const STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it of on or that the this to with we our your should make change add show test'.split(' '),
);

/** Lower-cased words of `text`, camelCase split, stop words dropped, a plural `s` stripped. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

function normalizeTestType(t: string): string {
  return t.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** T in the module comment. */
export function testTypeScore(requested: string, template: Template): number {
  const a = normalizeTestType(requested);
  const b = normalizeTestType(template.testType);
  if (a === b) return 1;
  const wa = new Set(a.split('-').filter(Boolean));
  const wb = new Set(b.split('-').filter(Boolean));
  const common = [...wa].filter((w) => wb.has(w)).length;
  const union = new Set([...wa, ...wb]).size;
  return union === 0 ? 0 : common / union;
}

/** The words a template offers to the lexical score, computed once per template object. */
const templateWords = new WeakMap<Template, Set<string>>();
function wordsOf(template: Template): Set<string> {
  let have = templateWords.get(template);
  if (!have) {
    const text = [
      template.label,
      template.description ?? '',
      template.testType,
      ...template.parameters.flatMap((p) => [p.name, p.description ?? '']),
    ].join(' ');
    have = new Set(words(text));
    templateWords.set(template, have);
  }
  return have;
}

/** L in the module comment. */
export function lexicalScore(description: string, template: Template): number {
  return overlap(new Set(words(description)), template);
}

function overlap(wanted: ReadonlySet<string>, template: Template): number {
  if (wanted.size === 0) return 0;
  const have = wordsOf(template);
  let n = 0;
  for (const w of wanted) if (have.has(w)) n++;
  return n / wanted.size;
}

/** P in the module comment. */
export function parameterScore(given: Record<string, unknown> | undefined, template: Template): number {
  const names = Object.keys(given ?? {});
  const declared = new Set(template.parameters.map((p) => p.name));
  const needed = template.parameters.filter((p) => p.required && p.default === undefined);
  const a = names.length === 0 ? 1 : names.filter((n) => declared.has(n)).length / names.length;
  const b = needed.length === 0 ? 1 : needed.filter((p) => given?.[p.name] != null).length / needed.length;
  return (a + b) / 2;
}

export interface RankedTemplate {
  template: Template;
  testType: number;
  lexical: number;
  parameters: number;
  /** 0.6·T + 0.4·L. */
  fit: number;
}

function rank(request: GenerationRequest, template: Template, wanted = new Set(words(request.description))): RankedTemplate {
  const t = testTypeScore(request.testType, template);
  const l = overlap(wanted, template);
  const p = parameterScore(request.parameters, template);
  return { template, testType: t, lexical: l, parameters: p, fit: Math.round((0.6 * t + 0.4 * l) * 1000) / 1000 };
}

/** Templates that fit the request, best first (possibly empty). Ignores `templateId`. */
export function rankTemplates(templates: readonly Template[], request: GenerationRequest): RankedTemplate[] {
  const pt = request.pageType;
  const wanted = new Set(words(request.description));
  const specific = (t: Template): number => (pt !== undefined && t.pageTypes.includes(pt) ? 1 : 0);
  return templates
    .filter((t) => pt === undefined || t.pageTypes.length === 0 || t.pageTypes.includes(pt))
    .map((t) => rank(request, t, wanted))
    .filter((r) => r.testType > 0)
    .sort(
      (a, b) =>
        b.testType - a.testType ||
        b.parameters - a.parameters ||
        b.lexical - a.lexical ||
        specific(b.template) - specific(a.template) ||
        a.template.id.localeCompare(b.template.id),
    );
}

/** The template to use for `request`: the named one, or the best ranked. */
export function chooseTemplate(templates: readonly Template[], request: GenerationRequest): RankedTemplate {
  if (request.templateId !== undefined) {
    const t = templates.find((x) => x.id === request.templateId || x.iri === request.templateId);
    if (!t) {
      throw new GenerationError('UNKNOWN_TEMPLATE', `the brand has no template "${request.templateId}"`, {
        details: { templateId: request.templateId, suggestions: templates.map((x) => x.id) },
      });
    }
    return rank(request, t);
  }
  const best = rankTemplates(templates, request)[0];
  if (!best) {
    const types = [...new Set(templates.map((t) => t.testType))].sort();
    const where = request.pageType === undefined ? '' : ` on page type "${request.pageType}"`;
    throw new GenerationError(
      'NO_TEMPLATE',
      `no template for test type "${request.testType}"${where}; the brand's test types: ${types.join(', ') || 'none'}`,
      { details: { suggestions: types } },
    );
  }
  return best;
}
