/*
 * Test: CHK-022 "Order total emphasis" with the agency's own tracking.
 * Violations: requests to hosts outside the allow-list, a selector built at run time,
 * an observer that is never disconnected, an unknown push type.
 */
(function () {
  var utils = window.optimizely.get('utils');

  utils.waitForElement('[data-testid="order-total"]').then(function (total) {
    total.style.fontSize = '1.25rem';
    var step = total.getAttribute('data-step');
    var row = document.querySelector(`[data-testid="checkout-line-item"]:nth-of-type(${step})`);
    if (row) row.classList.add('exp-highlight');

    new MutationObserver(function () {
      total.style.fontWeight = '700';
    }).observe(total, { childList: true, characterData: true, subtree: true });

    fetch('https://collect.agency-metrics.example/v2/hit', { method: 'POST', body: JSON.stringify({ t: 'view' }) });
    navigator.sendBeacon('https://www.google-analytics.com/collect', 'v=1&t=event');
    new Image().src = '//pixel.adnetwork.example/p.gif?e=checkout';

    window.optimizely.push({ type: 'track', eventName: 'checkoutTotalSeen' });
  });
})();
