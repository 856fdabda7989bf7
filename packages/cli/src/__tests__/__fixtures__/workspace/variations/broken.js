window.optimizely.get('utils').waitForElement('[data-testid="buy-button"]').then(function (btn) {
  btn.textContent = 'Add to bag'
);
