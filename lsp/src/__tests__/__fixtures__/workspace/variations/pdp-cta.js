// brandsafe-page: product-detail
const utils = window.optimizely.get('utils');
utils.waitForElement('[data-testid="add-to-cart"]').then((button) => {
  button.textContent = 'Add to bag';
});
utils.waitForElement('.add-to-cart-btn').then((button) => {
  button.classList.add('is-test');
});
