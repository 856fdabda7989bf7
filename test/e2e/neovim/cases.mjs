// What the Neovim client opens and expects. `text`, when given, is written into the copied
// example workspace first (a variation with a known unapproved selector); otherwise the example
// file is opened as it is.
export const CASES = [
  {
    name: 'the example variation pdp-price-polling.js as it is in examples/northwind',
    file: 'variations/pdp-price-polling.js',
    expectCode: 'brand/unapproved-selector',
    fixTitle: 'Replace with approved selector .pdp__price',
    expectText: (text) => text.includes("'.pdp__price'") && !text.includes('.pdp-price .amount'),
  },
  {
    name: 'unapproved selector in a product-detail variation, replaced by the nearest approved one',
    file: 'variations/e2e-neovim-cta.js',
    text: [
      '// brandsafe-page: product-detail',
      "const utils = window.optimizely.get('utils');",
      "utils.waitForElement('.add-to-cart-button').then((button) => {",
      "  button.textContent = 'Add to bag';",
      '});',
      '',
    ].join('\n'),
    expectCode: 'brand/unapproved-selector',
    fixTitle: 'Replace with approved selector',
    expectText: (text) => !text.includes("'.add-to-cart-button'") && text.includes('[data-testid='),
  },
  {
    name: 'suppression comment quick fix',
    file: 'variations/e2e-neovim-suppress.js',
    text: ['// brandsafe-page: home', "document.querySelector('.totally-unknown').remove();", ''].join('\n'),
    expectCode: 'brand/unapproved-selector',
    fixTitle: 'Disable brand/unapproved-selector for this line',
    expectText: (text) => text.includes('// brandsafe-disable-next-line brand/unapproved-selector -- reason'),
  },
];
