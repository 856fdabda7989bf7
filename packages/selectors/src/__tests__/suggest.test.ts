import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { identifierWords, nameSimilarity, suggestNearest } from '../index.js';

const northwind = (JSON.parse(readFileSync(new URL('../../../../examples/northwind/snapshots/selectors.json', import.meta.url), 'utf8')) as { css: string }[]).map((s) => s.css);
const top = (css: string, approved: readonly string[] = northwind): string | undefined => suggestNearest(css, approved)[0]?.selector;

describe('suggestNearest', () => {
  it('prefers the BEM class with the same words over one at a smaller edit distance', () => {
    const result = suggestNearest('.pdp-price', ['.pdp__title', '.pdp__price', '.plp__title']);
    assert.equal(result[0]?.selector, '.pdp__price');
    assert.ok((result[0]?.score ?? 0) > (result[1]?.score ?? 1) + 0.2, JSON.stringify(result));
  });

  it('finds the test id whose value extends the one written', () => {
    assert.equal(top('[data-testid="add-to-cart"]'), '[data-testid="add-to-cart-button"]');
    assert.equal(top("[data-testid='search']"), '[data-testid="search-input"]');
  });

  it('maps an id, class or other attribute onto the test id naming the same element', () => {
    assert.equal(top('#add-to-cart'), '[data-testid="add-to-cart-button"]');
    assert.equal(top('.add-to-cart-btn'), '[data-testid="add-to-cart-button"]');
    assert.equal(top('[data-test="order-total"]'), '[data-testid="order-total"]');
    assert.equal(top('.mini-cart__count'), '[data-testid="mini-cart-count"]');
  });

  it('understands common abbreviations and words spread over several hooks', () => {
    assert.equal(top('.cart-line__quantity input'), '.cart-line__qty-input');
    assert.equal(top('.product-tile .product-tile__price'), '[data-testid="product-tile-price"]');
  });

  it('still suggests for a selector that does not parse', () => {
    assert.equal(top('.pdp__price['), '.pdp__price');
    assert.equal(top('.pdp__titel >'), '.pdp__title');
  });

  it('scores 1 only for the same selector up to normalization, and keeps scores in 0..1', () => {
    assert.deepEqual(suggestNearest("[data-testid='order-total']", northwind)[0], { selector: '[data-testid="order-total"]', score: 1 });
    for (const s of suggestNearest('.pdp-price', northwind, 50)) assert.ok(s.score > 0 && s.score < 1, JSON.stringify(s));
  });

  it('returns nothing useful-looking for unrelated selectors', () => {
    assert.deepEqual(suggestNearest('.css-1x2y3z', northwind), []);
    assert.deepEqual(suggestNearest('div > div:nth-child(3)', northwind), []);
    assert.deepEqual(suggestNearest('', northwind), []);
  });

  it('honours the limit (default 3), ranks best first and breaks ties by list order', () => {
    assert.equal(suggestNearest('[data-testid="order"]', northwind).length, 3);
    assert.equal(suggestNearest('[data-testid="order"]', northwind, 1).length, 1);
    assert.deepEqual(suggestNearest('.a', northwind, 0), []);
    const ranked = suggestNearest('[data-testid="order"]', northwind, 10).map((s) => s.score);
    assert.deepEqual(ranked, [...ranked].sort((a, b) => b - a));
    assert.deepEqual(suggestNearest('.x-item', ['.y-item', '.z-item']).map((s) => s.selector), ['.y-item', '.z-item']);
  });

  it('lists each approved selector once and copes with an empty list', () => {
    assert.deepEqual(suggestNearest('.pdp-price', ['.pdp__price', '.pdp__price']).map((s) => s.selector), ['.pdp__price']);
    assert.deepEqual(suggestNearest('.pdp-price', []), []);
  });

  it('stays bounded on huge input', () => {
    const huge = `.${'a'.repeat(20_000)}`;
    assert.ok(Array.isArray(suggestNearest(huge, northwind)));
  });
});

describe('nameSimilarity', () => {
  it('is 1 for equal names and symmetric', () => {
    assert.equal(nameSimilarity('pdp__price', 'pdp__price'), 1);
    assert.equal(nameSimilarity('pdp-price', 'pdp__price'), nameSimilarity('pdp__price', 'pdp-price'));
  });

  it('rates shared words above shared letters', () => {
    assert.ok(nameSimilarity('pdp-price', 'pdp__price') > nameSimilarity('pdp-price', 'pdp__title') + 0.2);
    assert.ok(nameSimilarity('qty', 'quantity') < 1);
    assert.ok(nameSimilarity('cart-line__quantity', 'cart-line__qty') > nameSimilarity('cart-line__quantity', 'cart-line__name'));
  });
});

describe('identifierWords', () => {
  it('splits kebab, snake, BEM and camel case', () => {
    assert.deepEqual(identifierWords('addToCart'), ['add', 'to', 'cart']);
    assert.deepEqual(identifierWords('product-tile__badge--sale'), ['product', 'tile', 'badge', 'sale']);
    assert.deepEqual(identifierWords('ProductTile_root__3xK9a'), ['product', 'tile', 'root', '3x', 'k9a']);
  });
});
