import assert from 'node:assert/strict';
import { classifySelector } from '../index.js';

describe('classifySelector', () => {
  it('names the kind of a single simple selector', () => {
    const kinds = { '#main-nav': 'id', '.pdp__price': 'class', '[data-testid="x"]': 'attribute', button: 'tag', ':hover': 'pseudo', '::before': 'pseudo', '*': 'universal', '[id="x"]': 'attribute' };
    for (const [css, kind] of Object.entries(kinds)) assert.equal(classifySelector(css)?.kind, kind, css);
  });

  it('tells compound, complex and list selectors apart', () => {
    assert.equal(classifySelector('button.btn--primary')?.kind, 'compound');
    assert.equal(classifySelector('.a .b')?.kind, 'complex');
    assert.equal(classifySelector('.a > .b')?.kind, 'complex');
    assert.equal(classifySelector('.a, .b')?.kind, 'list');
  });

  it('computes specificity per Selectors Level 4', () => {
    const cases: [string, [number, number, number]][] = [
      ['#a', [1, 0, 0]], ['.a.b', [0, 2, 0]], ['ul li a', [0, 0, 3]], ['a:hover', [0, 1, 1]], ['[data-x]', [0, 1, 0]],
      ['a::before', [0, 0, 2]], ['*', [0, 0, 0]], ['#a .b > c', [1, 1, 1]],
      // :is/:not/:has take their most specific argument; :where adds nothing.
      [':is(#a, .b)', [1, 0, 0]], [':not(.a, p)', [0, 1, 0]], [':where(#a) .b', [0, 1, 0]], [':has(> img.x)', [0, 1, 1]],
      // :nth-child(An+B of S) is a pseudo-class plus the most specific selector in S.
      [':nth-child(2n of #a, .b)', [1, 1, 0]], ['li:nth-child(2)', [0, 1, 1]],
    ];
    for (const [css, spec] of cases) assert.deepEqual(classifySelector(css)?.specificity, spec, css);
  });

  it('takes the largest specificity of a list', () => {
    assert.deepEqual(classifySelector('.a, #b, c')?.specificity, [1, 0, 0]);
  });

  it('counts the compounds of the longest complex selector', () => {
    assert.equal(classifySelector('.a')?.compoundCount, 1);
    assert.equal(classifySelector('.a > .b .c')?.compoundCount, 3);
    assert.equal(classifySelector('.a, .b .c .d')?.compoundCount, 3);
  });

  it('detects data attributes and test-id hooks, also inside pseudo arguments', () => {
    const testid = classifySelector('[data-testid="add-to-cart-button"]');
    assert.equal(testid?.usesDataAttribute, true);
    assert.equal(testid?.usesTestId, true);
    const component = classifySelector('[data-component="hero-banner"] .hero__title');
    assert.equal(component?.usesDataAttribute, true);
    assert.equal(component?.usesTestId, false);
    assert.equal(classifySelector('li:not([data-qa="promo"])')?.usesTestId, true);
    assert.equal(classifySelector('[DATA-CY=x]')?.usesTestId, true);
    assert.equal(classifySelector('.pdp__price')?.usesDataAttribute, false);
  });

  it('returns undefined for invalid selectors', () => {
    assert.equal(classifySelector(''), undefined);
    assert.equal(classifySelector('.a >'), undefined);
    assert.equal(classifySelector('[x'), undefined);
  });
});
