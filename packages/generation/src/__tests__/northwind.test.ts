// Generation over the real example brand (examples/northwind/.brandsafe/brand.ttl) with the real
// checker: every template renders with typed values, hostile text stays a value, and the prompt
// and selector rules follow the brand's page types.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBrand, type Brand, type Template } from '@brandsafe/brand-kit';
import { parseScript } from 'meriyah';
import { generate, isGenerationError, placeholderNames, systemPrompt, templateProvider } from '../index.js';

const BRAND_TTL = new URL('../../../../examples/northwind/.brandsafe/brand.ttl', import.meta.url);
const HOSTILE = 'Only "3" left </script><script>alert(1)</script> ${x} \u2028 */';

/** String literal values in `code`, decoded by the parser. */
function strings(code: string): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n === null || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'Literal' && typeof o['value'] === 'string') out.push(o['value']);
    Object.values(o).forEach(walk);
  };
  walk(parseScript(code));
  return out;
}

/** A value of the right type for every parameter that has no default. */
function parametersFor(brand: Brand, template: Template, pageType: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of template.parameters) {
    if (p.default !== undefined) continue;
    const pt = p.pageType ?? pageType;
    const approved = brand.selectors.find((s) => s.stability !== 'deprecated' && (s.pageTypes.length === 0 || s.pageTypes.includes(pt)));
    params[p.name] = { selector: approved?.id, text: HOSTILE, url: 'https://northwind.example/sale', color: 'rgb(10, 125, 59)', number: 3, boolean: false }[p.type];
  }
  return params;
}

describe('generation over the Northwind example brand', () => {
  let brand: Brand;
  before(async () => {
    const loaded = await loadBrand(readFileSync(BRAND_TTL, 'utf8'), { file: BRAND_TTL.pathname });
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    brand = loaded.brand!;
    assert.ok(brand.templates.length >= 5);
  });

  it('compiles every template body under the placeholder contract', () => {
    for (const t of brand.templates) {
      const declared = t.parameters.map((p) => p.name).sort();
      assert.deepEqual([...placeholderNames(t)].sort(), declared, t.id);
    }
  });

  it('renders every template with no checker error, keeping hostile text a decoded value', async () => {
    for (const t of brand.templates) {
      const pageType = t.pageTypes[0]!;
      const r = await generate(
        { testType: t.testType, description: t.description ?? '', pageType, templateId: t.id, parameters: parametersFor(brand, t, pageType) },
        { brand, provider: templateProvider },
      );
      assert.equal(r.provider, 'template');
      assert.equal(r.templateId, t.id);
      assert.equal(r.attempts.length, 1);
      if (t.parameters.some((p) => p.type === 'text' && p.default === undefined)) {
        assert.ok(strings(r.code).includes(HOSTILE), `${t.id}: the text value decodes back exactly`);
      }
      assert.doesNotMatch(r.code, /<\/script/i, t.id);
      // Every template must pass the brand's own checker: an error here is a template or checker bug.
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`), [], t.id);
      assert.ok(r.confidence >= 0 && r.confidence <= 1);
    }
  });

  it('generates an accepted hero banner for the home page from a description alone', async () => {
    const r = await generate(
      { testType: 'banner', description: 'Promotional banner with a headline and call to action above the hero', pageType: 'home',
        parameters: { headline: 'Autumn sale', ctaText: 'Shop now', ctaUrl: 'https://northwind.example/sale' } },
      { brand, provider: templateProvider },
    );
    assert.equal(r.templateId, 'hero-banner');
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), []);
    assert.ok(r.confidence >= 0.75, String(r.confidence));
  });

  it('refuses a product-detail selector on the home page and suggests home selectors', async () => {
    // .pdp__title is approved on product pages only; the home page's .hero__title is close to it.
    const pdpOnly = brand.selectors.find((s) => s.css === '.pdp__title' && !s.pageTypes.includes('home'))!;
    await assert.rejects(
      generate({ testType: 'cta-text', description: '', pageType: 'home', parameters: { target: pdpOnly.css, text: 'Go' } }, { brand, provider: templateProvider }),
      (e) =>
        isGenerationError(e, 'UNAPPROVED_SELECTOR') &&
        e.details.parameter === 'target' &&
        (e.details.suggestions ?? []).length > 0 &&
        (e.details.suggestions ?? [])[0] === '.hero__title' &&
        (e.details.suggestions ?? []).every((css) => brand.selectors.some((s) => s.css === css && (s.pageTypes.length === 0 || s.pageTypes.includes('home')))),
    );
  });

  it('suggests nothing rather than noise when no approved selector of the page is close', async () => {
    await assert.rejects(
      generate({ testType: 'cta-text', description: '', pageType: 'home', parameters: { target: '[data-testid="breadcrumbs"]', text: 'Go' } }, { brand, provider: templateProvider }),
      (e) => isGenerationError(e, 'UNAPPROVED_SELECTOR') && e.details.suggestions?.length === 0 && /no approved selector here is close/.test(e.message),
    );
  });

  it("puts only the page type's approved selectors into the Claude prompt", () => {
    const prompt = systemPrompt(brand, { testType: 'sticky-add-to-cart', description: 'sticky bar', pageType: 'product-detail' });
    const onPdp = brand.selectors.filter((s) => s.pageTypes.length === 0 || s.pageTypes.includes('product-detail'));
    const elsewhere = brand.selectors.filter((s) => !onPdp.includes(s) && !onPdp.some((o) => o.css.includes(s.css)));
    for (const s of onPdp.filter((x) => x.stability !== 'deprecated')) assert.ok(prompt.includes(s.css), s.css);
    for (const s of elsewhere) assert.ok(!prompt.includes(`- ${s.css} (`), s.css);
    assert.match(prompt, /Template sticky-add-to-cart/);
  });
});
