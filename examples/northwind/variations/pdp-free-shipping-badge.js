/*
 * Test: PDP-207 "Free shipping reassurance under the price"
 * Variation B: a badge after the price; runs safely twice (the editor re-applies variations).
 * Clean.
 */
(function () {
  var utils = window.optimizely.get('utils');

  utils.waitForElement('.pdp__price').then(function (price) {
    if (price.parentNode.querySelector('.exp-ship-badge')) return;
    var badge = document.createElement('p');
    badge.className = 'exp-ship-badge';
    badge.textContent = 'Free shipping on orders over $75. Free returns.';
    price.insertAdjacentElement('afterend', badge);
  });

  utils.waitForElement('[data-testid="add-to-cart-button"]').then(function (button) {
    button.addEventListener('click', function () {
      window.optimizely.push({ type: 'event', eventName: 'pdpAddToCartWithShipBadge', tags: { badge: 'free-shipping' } });
    });
  });
})();
