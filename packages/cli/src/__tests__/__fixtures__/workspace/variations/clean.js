// Headline test on the product page: approved selectors only, idempotent, no polling.
(function () {
  if (window.__acmeHeadline) return;
  window.__acmeHeadline = true;
  var utils = window.optimizely.get('utils');
  utils.waitForElement('[data-testid="product-title"]').then(function (title) {
    title.textContent = 'Built for the long trail';
  });
})();
