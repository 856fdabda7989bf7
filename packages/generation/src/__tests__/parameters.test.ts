import assert from 'node:assert/strict';
import { generateFromTemplate, isGenerationError, parseParameter, resolveParameters } from '../index.js';
import type { TemplateParameter } from '@brandsafe/brand-kit';
import { bannerTop, ctaText, makeBrand, priceBadge } from './__fixtures__/brand.js';

const brand = makeBrand();
const p = (type: TemplateParameter['type'], extra: Partial<TemplateParameter> = {}): TemplateParameter => ({
  name: 'p',
  type,
  required: true,
  ...extra,
});

describe('parseParameter', () => {
  it('accepts an approved selector by css (whitespace-insensitive) or by id and emits its css', () => {
    assert.deepEqual(parseParameter(brand, p('selector'), 'header>nav'), { kind: 'string', value: 'header > nav' });
    assert.deepEqual(parseParameter(brand, p('selector'), 'hero'), { kind: 'string', value: '.hero' });
  });

  it('refuses an unapproved selector, naming the parameter and the nearest approved ones', () => {
    assert.throws(
      () => parseParameter(brand, p('selector', { name: 'target' }), '.heroo'),
      (e) =>
        isGenerationError(e, 'UNAPPROVED_SELECTOR') &&
        e.details.parameter === 'target' &&
        e.details.suggestions?.[0] === '.hero' &&
        /parameter "target"/.test(e.message) &&
        /nearest approved: \.hero \(hero\)/.test(e.message),
    );
  });

  it("honours the parameter's page type, and the request's when the parameter has none", () => {
    const onPdp = p('selector', { pageType: 'product-detail' });
    assert.equal(parseParameter(brand, onPdp, '#add-to-cart').value, '#add-to-cart');
    assert.throws(
      () => parseParameter(brand, onPdp, '.checkout-button'),
      (e) => isGenerationError(e, 'UNAPPROVED_SELECTOR') && /approved only on checkout/.test(e.message) && !e.details.suggestions?.includes('.checkout-button'),
    );
    assert.throws(() => parseParameter(brand, p('selector'), '#add-to-cart', 'checkout'), (e) => isGenerationError(e, 'UNAPPROVED_SELECTOR'));
    assert.equal(parseParameter(brand, p('selector'), '#add-to-cart').value, '#add-to-cart');
  });

  it('refuses a non-string selector value with INVALID_PARAMETER', () => {
    assert.throws(() => parseParameter(brand, p('selector'), 42), (e) => isGenerationError(e, 'INVALID_PARAMETER'));
  });

  it('parses numbers from numbers and numeric strings, and refuses NaN, Infinity and words', () => {
    assert.deepEqual(parseParameter(brand, p('number'), '1.5'), { kind: 'number', value: 1.5 });
    assert.deepEqual(parseParameter(brand, p('number'), -3), { kind: 'number', value: -3 });
    for (const bad of ['', 'ten', NaN, Infinity, '1e999', true, null]) {
      assert.throws(() => parseParameter(brand, p('number'), bad), (e) => isGenerationError(e, 'INVALID_PARAMETER'), String(bad));
    }
  });

  it('parses booleans from booleans and the strings true/false only', () => {
    assert.deepEqual(parseParameter(brand, p('boolean'), 'false'), { kind: 'boolean', value: false });
    assert.deepEqual(parseParameter(brand, p('boolean'), true), { kind: 'boolean', value: true });
    assert.throws(() => parseParameter(brand, p('boolean'), 'yes'), (e) => isGenerationError(e, 'INVALID_PARAMETER'));
  });

  it('accepts http(s) URLs and root-relative paths, nothing else', () => {
    assert.equal(parseParameter(brand, p('url'), 'https://acme.test/sale?x=1').value, 'https://acme.test/sale?x=1');
    assert.equal(parseParameter(brand, p('url'), '/sale').value, '/sale');
    for (const bad of ['javascript:alert(1)', '//evil.test/x', 'data:text/html,hi', 'not a url', '/a b', '/\\evil']) {
      assert.throws(() => parseParameter(brand, p('url'), bad), (e) => isGenerationError(e, 'INVALID_PARAMETER'), bad);
    }
  });

  it('accepts CSS colours and refuses anything that could smuggle CSS', () => {
    for (const ok of ['#fff', '#00336680', 'rgb(0, 51, 102)', 'hsl(210 100% 20%)', 'rebeccapurple']) {
      assert.equal(parseParameter(brand, p('color'), ok).value, ok);
    }
    for (const bad of ['red; background: url(x)', 'expression(alert(1))', '#ggg', 'blue}', '']) {
      assert.throws(() => parseParameter(brand, p('color'), bad), (e) => isGenerationError(e, 'INVALID_PARAMETER'), bad);
    }
  });

  it('takes text as given and stringifies numbers and booleans', () => {
    assert.deepEqual(parseParameter(brand, p('text'), 'hi "there"'), { kind: 'string', value: 'hi "there"' });
    assert.deepEqual(parseParameter(brand, p('text'), 3), { kind: 'string', value: '3' });
    assert.throws(() => parseParameter(brand, p('text'), { toString: 1 }), (e) => isGenerationError(e, 'INVALID_PARAMETER'));
  });
});

describe('resolveParameters', () => {
  it('applies defaults through the same typed parsing', () => {
    const v = resolveParameters(brand, bannerTop, { target: '.hero', message: 'Hi' });
    assert.deepEqual(v.get('background'), { kind: 'string', value: '#003366' });
    assert.deepEqual(v.get('dismissible'), { kind: 'boolean', value: true });
    assert.deepEqual(v.get('delayMs'), { kind: 'number', value: 0 });
  });

  it('throws MISSING_PARAMETER for a required parameter without value or default', () => {
    assert.throws(
      () => resolveParameters(brand, bannerTop, { target: '.hero' }),
      (e) => isGenerationError(e, 'MISSING_PARAMETER') && e.details.parameter === 'message' && e.details.templateId === 'banner-top',
    );
  });

  it('throws INVALID_PARAMETER for a parameter the template does not declare', () => {
    assert.throws(
      () => resolveParameters(brand, ctaText, { button: '#add-to-cart', label: 'Buy', colour: 'red' }),
      (e) => isGenerationError(e, 'INVALID_PARAMETER') && e.details.parameter === 'colour' && /it takes: button, label/.test(e.message),
    );
  });

  it('reads an optional text without default as empty', () => {
    const v = resolveParameters(brand, priceBadge, { price: 'price', link: '/x' });
    assert.deepEqual(v.get('text'), { kind: 'string', value: '' });
  });
});

describe('generateFromTemplate', () => {
  it('renders the chosen template with typed values in every context', () => {
    const c = generateFromTemplate({
      brand,
      request: { testType: 'cta-change', description: 'new label', parameters: { button: 'add-to-cart', label: "Buy 'now'" } },
    });
    assert.equal(c.templateId, 'cta-text');
    assert.match(c.code, /waitForElement\('#add-to-cart'\)/);
    assert.match(c.code, /el\.textContent = "Buy 'now'";/);
    assert.match(c.code, /setAttribute\('aria-label', 'Buy \\'now\\''\)/);
  });

  it('parenthesises a negative number so `10-{{offset}}` stays a subtraction', () => {
    const c = generateFromTemplate({
      brand,
      request: { testType: 'price-badge', description: '', parameters: { price: '.product-price', link: '/x', text: 'Deal' } },
    });
    assert.match(c.code, /10-\(-2\) \+ "px"/);
  });
});
