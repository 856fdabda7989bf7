/**
 * Typed template parameters, the editor side (no `vscode` import, unit-tested): which approved
 * selectors a selector parameter may take, and how a typed value is checked before it is sent.
 * The server checks again (DESIGN.md "Generation is safe by construction"); checking here lets
 * the input box say what is wrong while the user types.
 */
import type { BrandSelector, BrandTemplate, TemplateParameter } from './api-types';

/**
 * The approved selectors a selector parameter offers: those approved for the parameter's page
 * type, else for one of the template's page types; every selector when neither names one.
 */
export function selectorChoices(selectors: readonly BrandSelector[], parameter: TemplateParameter, template: BrandTemplate): BrandSelector[] {
  const pageTypes = parameter.pageType ? [parameter.pageType] : (template.pageTypes ?? []);
  if (pageTypes.length === 0) return [...selectors];
  return selectors.filter((s) => (s.pageTypes ?? []).some((p) => pageTypes.includes(p)));
}

/** The distinct test types of a brand's templates, in first-seen order. */
export function testTypes(templates: readonly BrandTemplate[]): string[] {
  return [...new Set(templates.map((t) => t.testType))];
}

/** Why `raw` is not a valid value of `parameter` (for an input box), or undefined when it is. */
export function parameterProblem(parameter: TemplateParameter, raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return parameter.required && parameter.default === undefined ? `${parameter.name} is required` : undefined;
  switch (parameter.type) {
    case 'url':
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'use an http(s) URL';
      } catch {
        return 'not a URL (e.g. https://example.com/sale)';
      }
    case 'color':
      return /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? undefined : 'a hex colour such as #0a7d3b';
    case 'number':
    case 'integer':
      return Number.isFinite(Number(value)) && (parameter.type === 'number' || Number.isInteger(Number(value))) ? undefined : `a ${parameter.type}`;
    default:
      return parameter.values && !parameter.values.includes(value) ? `one of ${parameter.values.join(', ')}` : undefined;
  }
}

/** The JSON value sent for a typed input, or undefined to leave the parameter to its default. */
export function parameterValue(parameter: TemplateParameter, raw: string): string | number | boolean | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (parameter.type === 'number' || parameter.type === 'integer') return Number(value);
  if (parameter.type === 'boolean') return value === 'true';
  return value;
}
