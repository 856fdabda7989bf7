import assert from 'node:assert/strict';
import { PageSnapshot, checkSelectorHealth } from '../index.js';

describe('checkSelectorHealth', () => {
  const home = PageSnapshot.fromHtml('<section data-component="hero-banner"><h1 class="hero__title">Hi</h1></section>', { pageType: 'home' });
  const cart = PageSnapshot.fromHtml('<ul><li data-testid="cart-line-item"></li><li data-testid="cart-line-item"></li></ul>', { pageType: 'cart' });
  const cart2 = PageSnapshot.fromHtml('<ul><li data-testid="cart-line-item"></li></ul>', { pageType: 'cart' });

  it('reports a count and status per selector and page type, in input order', () => {
    const rows = checkSelectorHealth(
      [
        { css: '.hero__title', pageTypes: ['home'] },
        { css: '[data-testid="cart-line-item"]', pageTypes: ['cart', 'home'] },
      ],
      [home, cart],
    );
    assert.deepEqual(rows, [
      { css: '.hero__title', pageType: 'home', count: 1, status: 'ok' },
      { css: '[data-testid="cart-line-item"]', pageType: 'cart', count: 2, status: 'ok' },
      { css: '[data-testid="cart-line-item"]', pageType: 'home', count: 0, status: 'missing' },
    ]);
  });

  it('sums several snapshots of one page type and checks every type for an empty list', () => {
    const rows = checkSelectorHealth([{ css: '[data-testid="cart-line-item"]', pageTypes: [] }], [home, cart, cart2]);
    assert.deepEqual(rows.map((r) => [r.pageType, r.count, r.status]), [['home', 0, 'missing'], ['cart', 3, 'ok']]);
  });

  it('marks page types without a snapshot and invalid selectors', () => {
    const rows = checkSelectorHealth([{ css: '.hero__title', pageTypes: ['checkout'] }, { css: '.hero__title >', pageTypes: ['home'] }], [home]);
    assert.deepEqual(rows.map((r) => r.status), ['no-snapshot', 'missing']);
  });
});
