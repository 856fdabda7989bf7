import assert from 'node:assert/strict';
import { brittleness, type BrittlenessWarning } from '../index.js';

/** Warnings as `code:text-at-fault`, easy to compare. */
function found(css: string): string[] {
  return brittleness(css).map((w: BrittlenessWarning) => `${w.code}:${css.slice(w.offset, w.offset + w.length)}`);
}

describe('brittleness', () => {
  it('finds nothing in the selectors a brand team approves', () => {
    for (const css of ['[data-testid="add-to-cart-button"]', '.pdp__price', '#main-nav', '.facet__option input[type="checkbox"]', '.mega-menu__item--sale > .mega-menu__link', '.col-12 .mt-4 h1']) {
      assert.deepEqual(found(css), [], css);
    }
  });

  it('flags hashed classes at their position', () => {
    assert.deepEqual(found('.product-tile .css-1x2y3z'), ['hashed-class:.css-1x2y3z']);
    assert.deepEqual(found('.sc-bdVaJa.kXwmTq'), ['hashed-class:.sc-bdVaJa', 'hashed-class:.kXwmTq']);
    assert.deepEqual(found('[class="ProductTile_root__3xK9a"]'), ['hashed-class:[class="ProductTile_root__3xK9a"]']);
  });

  it('does not flag partial class matches, the usual way around hashes', () => {
    assert.deepEqual(found('[class*="ProductTile_root"]'), []);
    assert.deepEqual(found('[class^="css-"]'), []);
  });

  it('flags generated ids, as #id and as [id=…]', () => {
    assert.deepEqual(found('#ember1234'), ['generated-id:#ember1234']);
    assert.deepEqual(found('[id="ember1234"] > a'), ['generated-id:[id="ember1234"]']);
  });

  it('looks inside :not(), :is() and :has()', () => {
    assert.deepEqual(found('.tile:not(.css-1x2y3z)'), ['hashed-class:.css-1x2y3z']);
  });

  it('reports one chain for several positional pseudo-classes', () => {
    const css = 'ul > li:nth-child(2) > div:nth-of-type(1) > a';
    assert.deepEqual(found(css), ['nth-child-chain::nth-child(2) > div:nth-of-type(1)']);
    assert.match(brittleness(css)[0]?.message ?? '', /2 positional/);
  });

  it('reports a single positional pseudo-class, jQuery ones included', () => {
    assert.deepEqual(found('.facet li:first-child'), ['positional-pseudo::first-child']);
    assert.deepEqual(found('.facet li:eq(2)'), ['positional-pseudo::eq(2)']);
  });

  it('flags long ancestor paths across the whole complex selector', () => {
    assert.deepEqual(found('body main div.plp ul li'), ['deep-descendant:body main div.plp ul li']);
    assert.deepEqual(found('main div.plp ul li'), []);
  });

  it('flags tags qualifying an id or test id, and ancestors before an id', () => {
    assert.deepEqual(found('div#main-nav'), ['overqualified:div']);
    assert.deepEqual(found('button[data-testid="add-to-cart-button"]'), ['overqualified:button']);
    assert.deepEqual(found('.site-header #main-nav'), ['overqualified:.site-header']);
  });

  it('returns warnings in source order, several per selector', () => {
    const css = 'div#ember1234 .css-1x2y3z li:nth-child(2)';
    assert.deepEqual(found(css), ['overqualified:div', 'generated-id:#ember1234', 'hashed-class:.css-1x2y3z', 'positional-pseudo::nth-child(2)']);
  });

  it('returns nothing for invalid or huge input', () => {
    assert.deepEqual(brittleness(''), []);
    assert.deepEqual(brittleness('.css-1x2y3z >'), []);
    assert.deepEqual(brittleness('.css-1x2y3z '.repeat(5000)), []);
  });
});
