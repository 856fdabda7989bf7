import assert from 'node:assert/strict';
import type { BrandSelector, BrandTemplate, TemplateParameter } from '../api-types';
import { parameterProblem, parameterValue, selectorChoices, testTypes } from '../template-params';

const selectors: BrandSelector[] = [
  { id: 'hero', css: '[data-component="hero-banner"]', pageTypes: ['home'] },
  { id: 'price', css: '.pdp__price', pageTypes: ['product-detail'] },
  { id: 'header', css: '[data-testid="site-header"]', pageTypes: ['home', 'product-detail'] },
];
const template: BrandTemplate = { id: 'hero-banner', testType: 'banner', pageTypes: ['home'], parameters: [] };
const param = (p: Partial<TemplateParameter>): TemplateParameter => ({ name: 'p', type: 'text', required: true, ...p });

describe('selectorChoices', () => {
  it("offers only selectors approved for the parameter's page type", () => {
    const ids = selectorChoices(selectors, param({ type: 'selector', pageType: 'product-detail' }), template).map((s) => s.id);
    assert.deepEqual(ids, ['price', 'header']);
  });

  it("falls back to the template's page types when the parameter names none", () => {
    assert.deepEqual(selectorChoices(selectors, param({ type: 'selector' }), template).map((s) => s.id), ['hero', 'header']);
  });

  it('offers every selector when neither names a page type', () => {
    assert.equal(selectorChoices(selectors, param({ type: 'selector' }), { ...template, pageTypes: [] }).length, 3);
  });
});

describe('testTypes', () => {
  it('lists each test type once, in order', () => {
    assert.deepEqual(testTypes([template, { ...template, id: 'b', testType: 'copy' }, { ...template, id: 'c' }]), ['banner', 'copy']);
  });
});

describe('parameterProblem', () => {
  it('requires a required parameter without default', () => {
    assert.match(parameterProblem(param({ name: 'headline' }), '  ') ?? '', /headline is required/);
    assert.equal(parameterProblem(param({ required: false }), ''), undefined);
    assert.equal(parameterProblem(param({ default: 'x' }), ''), undefined);
  });

  it('checks urls, colours and numbers', () => {
    assert.equal(parameterProblem(param({ type: 'url' }), 'https://northwind.example/sale'), undefined);
    assert.match(parameterProblem(param({ type: 'url' }), 'javascript:alert(1)') ?? '', /http\(s\)/);
    assert.match(parameterProblem(param({ type: 'url' }), 'not a url') ?? '', /not a URL/);
    assert.equal(parameterProblem(param({ type: 'color' }), '#0a7d3b'), undefined);
    assert.match(parameterProblem(param({ type: 'color' }), 'red') ?? '', /hex colour/);
    assert.equal(parameterProblem(param({ type: 'integer' }), '3'), undefined);
    assert.match(parameterProblem(param({ type: 'integer' }), '3.5') ?? '', /integer/);
  });

  it('checks enumerated values', () => {
    assert.match(parameterProblem(param({ values: ['a', 'b'] }), 'c') ?? '', /one of a, b/);
  });
});

describe('parameterValue', () => {
  it('types the value and leaves empty input to the default', () => {
    assert.equal(parameterValue(param({ type: 'number' }), ' 12 '), 12);
    assert.equal(parameterValue(param({ type: 'boolean' }), 'true'), true);
    assert.equal(parameterValue(param({}), ''), undefined);
    assert.equal(parameterValue(param({}), ' Free shipping '), 'Free shipping');
  });
});
