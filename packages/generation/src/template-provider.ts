/**
 * The template provider: offline and deterministic. It chooses the best-fitting template of the
 * brand (choose.ts), validates the parameters by type (parameters.ts) and renders the body with
 * context-aware escaping (render.ts).
 */
import { chooseTemplate } from './choose.js';
import { resolveParameters } from './parameters.js';
import { renderTemplate } from './render.js';
import type { Candidate, Provider, ProviderInput } from './types.js';

/** Render the template that fits `input.request` best; the history is ignored (deterministic). */
export function generateFromTemplate(input: Pick<ProviderInput, 'brand' | 'request'>): Candidate {
  const { brand, request } = input;
  const ranked = chooseTemplate(brand.templates, request);
  const values = resolveParameters(brand, ranked.template, request.parameters, request.pageType);
  return { code: renderTemplate(ranked.template, values), templateId: ranked.template.id, fit: ranked.fit };
}

/** The default provider. */
export const templateProvider: Provider = {
  name: 'template',
  deterministic: true,
  generate: (input) => Promise.resolve().then(() => generateFromTemplate(input)),
};
