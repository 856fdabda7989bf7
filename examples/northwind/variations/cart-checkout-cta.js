/*
 * Test: CART-031 "Checkout button copy and progress nudge"
 * Variation C: clearer checkout CTA and a note under the free-shipping progress bar.
 * Clean.
 */
(function () {
  var utils = window.optimizely.get('utils');

  utils.waitForElement('[data-testid="checkout-button"]').then(function (button) {
    button.textContent = 'Secure checkout';
    button.addEventListener('click', function () {
      window.optimizely.push({ type: 'event', eventName: 'cartSecureCheckoutClick' });
    });
  });

  var stop = utils.observeSelector('[data-testid="free-shipping-progress"]', function (bar) {
    if (bar.querySelector('.exp-progress-note')) return;
    bar.insertAdjacentHTML('beforeend', '<span class="exp-progress-note">You are close to free shipping.</span>');
  });

  // Single-page cart: stop watching once the visitor leaves for checkout.
  window.addEventListener('pagehide', function () {
    stop();
  });
})();
