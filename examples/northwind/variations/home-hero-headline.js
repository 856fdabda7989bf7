/*
 * Test: HOME-112 "Winter sale hero copy"
 * Variation B: sale headline and subtitle, primary CTA to the sale listing.
 * Clean: approved selectors only, reached through utils.waitForElement.
 */
(function () {
  var utils = window.optimizely.get('utils');

  utils.waitForElement('.hero__title').then(function (title) {
    title.textContent = 'Winter Sale: up to 40% off outerwear';
  });

  utils.waitForElement('.hero__subtitle').then(function (subtitle) {
    subtitle.textContent = 'Parkas, fleeces and boots, this week only.';
  });

  utils.waitForElement('[data-testid="hero-cta-primary"]').then(function (cta) {
    cta.textContent = 'Shop the sale';
    cta.setAttribute('href', '/sale/outerwear');
    cta.addEventListener('click', function () {
      window.optimizely.push({ type: 'event', eventName: 'heroSaleCtaClick' });
    });
  });
})();
