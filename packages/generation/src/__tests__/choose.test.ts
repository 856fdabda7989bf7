import assert from 'node:assert/strict';
import { chooseTemplate, isGenerationError, lexicalScore, parameterScore, rankTemplates, testTypeScore } from '../index.js';
import { bannerCountdown, bannerTop, ctaText, makeBrand } from './__fixtures__/brand.js';

const brand = makeBrand();

describe('chooseTemplate', () => {
  it('picks the template whose test type matches when only one does', () => {
    const r = chooseTemplate(brand.templates, { testType: 'cta-change', description: 'anything' });
    assert.equal(r.template.id, 'cta-text');
    assert.equal(r.testType, 1);
  });

  it('breaks a test-type tie by the description words', () => {
    const sale = chooseTemplate(brand.templates, { testType: 'banner', description: 'Countdown to the end of the sale' });
    assert.equal(sale.template.id, 'banner-countdown');
    const plain = chooseTemplate(brand.templates, { testType: 'banner', description: 'Dismissible announcement above the hero' });
    assert.equal(plain.template.id, 'banner-top');
  });

  it('prefers the template that declares the given parameters over a closer description', () => {
    const r = chooseTemplate(brand.templates, { testType: 'banner', description: 'sale countdown', parameters: { target: '.hero', message: 'Hi' } });
    assert.equal(r.template.id, 'banner-top');
    assert.equal(parameterScore({ target: '.hero', message: 'Hi' }, bannerCountdown), 0.5 * (0.5 + 0.5));
    assert.equal(parameterScore(undefined, bannerTop), 0.5);
  });

  it('is deterministic: equal scores fall back to the template id', () => {
    const r = rankTemplates(brand.templates, { testType: 'banner', description: '' });
    assert.deepEqual(r.map((x) => x.template.id), ['banner-countdown', 'banner-top']);
  });

  it('matches test types case- and separator-insensitively and partially by words', () => {
    assert.equal(testTypeScore('CTA_Change', ctaText), 1);
    assert.equal(testTypeScore('cta', ctaText), 0.5);
    assert.equal(testTypeScore('layout-swap', ctaText), 0);
  });

  it('drops templates declared for other page types', () => {
    assert.throws(
      () => chooseTemplate(brand.templates, { testType: 'cta-change', description: '', pageType: 'checkout' }),
      (e) => isGenerationError(e, 'NO_TEMPLATE') && /page type "checkout"/.test(e.message),
    );
    const r = chooseTemplate(brand.templates, { testType: 'cta-change', description: '', pageType: 'product-detail' });
    assert.equal(r.template.id, 'cta-text');
  });

  it('throws NO_TEMPLATE listing the brand test types when none fits', () => {
    assert.throws(
      () => chooseTemplate(brand.templates, { testType: 'layout-swap', description: 'swap columns' }),
      (e) => isGenerationError(e, 'NO_TEMPLATE') && e.details.suggestions?.join() === 'banner,cta-change,price-badge',
    );
  });

  it('uses templateId by id or IRI and throws UNKNOWN_TEMPLATE for an unknown one', () => {
    assert.equal(chooseTemplate(brand.templates, { testType: 'banner', description: '', templateId: 'cta-text' }).template.id, 'cta-text');
    assert.equal(chooseTemplate(brand.templates, { testType: 'banner', description: '', templateId: bannerTop.iri }).template.id, 'banner-top');
    assert.throws(
      () => chooseTemplate(brand.templates, { testType: 'banner', description: '', templateId: 'nope' }),
      (e) => isGenerationError(e, 'UNKNOWN_TEMPLATE') && e.details.templateId === 'nope',
    );
  });

  it('computes fit as 0.6 T + 0.4 L', () => {
    const l = lexicalScore('sale countdown timer', bannerCountdown);
    assert.equal(l, 1);
    const r = chooseTemplate(brand.templates, { testType: 'banner', description: 'sale countdown timer' });
    assert.equal(r.fit, 1);
    const half = chooseTemplate(brand.templates, { testType: 'banner', description: 'countdown giraffe' });
    assert.equal(half.fit, 0.8);
  });
});
