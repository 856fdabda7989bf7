// brandsafe-page: product-detail
const utils = window.optimizely.get('utils');
utils.waitForElement('[data-testid="product-title"]').then((title) => {
  title.classList.add('is-test');
});
