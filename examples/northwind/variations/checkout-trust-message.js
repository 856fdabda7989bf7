/*
 * Test: CHK-019 "Trust message above Place order"
 * Variation B: payment reassurance with its own styles, inserted once.
 * Clean.
 */
(function () {
  var utils = window.optimizely.get('utils');

  utils.waitForElement('[data-testid="place-order-button"]').then(function (button) {
    if (document.getElementById('exp-trust-message')) return;

    var style = document.createElement('style');
    style.textContent = '.exp-trust { display: flex; gap: 8px; margin: 12px 0; color: #333 } .exp-trust__icon { width: 16px }';
    document.head.appendChild(style);

    button.insertAdjacentHTML(
      'beforebegin',
      '<div id="exp-trust-message" class="exp-trust">' +
        '<img class="exp-trust__icon" src="https://cdn.northwind.example/icons/lock.svg" alt="">' +
        '<span>Payments are encrypted and processed securely.</span>' +
        '</div>'
    );
  });
})();
