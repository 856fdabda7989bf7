/*
 * Test: PDP-188 "Delivery estimate wording"
 * Clean with a documented exception: the copy team's legacy snippet is kept verbatim.
 */
(function () {
  var utils = window.optimizely.get('utils');

  utils.waitForElement('[data-testid="delivery-estimate"]').then(function (estimate) {
    estimate.textContent = estimate.textContent.replace('Arrives', 'Get it');
    // brandsafe-disable-next-line recommended/no-console, brand/forbidden-call -- QA reads this marker in the staging console (PDP-188)
    console.info('[PDP-188] delivery estimate reworded');
  });
})();
