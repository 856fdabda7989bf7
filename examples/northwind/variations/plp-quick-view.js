/*
 * Test: PLP-060 "Quick view button on tiles".
 * Violations: inserts without a guard (duplicates when re-applied), an interval that is never
 * cleared, a string timer, utils fetched over and over, an invalid selector.
 */
(function () {
  window.optimizely.get('utils').waitForElement('[data-testid="product-grid"]').then(function (grid) {
    grid.querySelectorAll('[data-testid="product-tile"]').forEach(function (tile) {
      tile.insertAdjacentHTML('beforeend', '<button class="exp-quick-view" type="button">Quick view</button>');
    });
  });

  window.optimizely.get('utils').waitForElement('.product-tile__name:hover >').then(function () {});

  setInterval(function () {
    window.optimizely.push({ type: 'event', eventName: 'plpQuickViewVisible' });
  }, 5000);

  setTimeout("window.optimizely.push({ type: 'event', eventName: 'plpQuickViewLate' })", 10000);
})();
