// What the VS Code suite opens and expects, in a copy of examples/northwind. `files` are written
// into the copy first: variations with a known unapproved selector (the example's own files may
// change; these assertions should not).
export const CASE = {
  brandName: 'Northwind Outfitters',
  file: 'variations/e2e-vscode-cta.js',
  closedFile: 'variations/e2e-vscode-closed.js',
  expectCode: 'brand/unapproved-selector',
  fixTitle: 'Replace with approved selector',
  files: {
    'variations/e2e-vscode-cta.js': [
      '// brandsafe-page: product-detail',
      "const utils = window.optimizely.get('utils');",
      '',
      "utils.waitForElement('.add-to-cart-button').then((button) => {",
      "  button.textContent = 'Add to bag';",
      '});',
      '',
      "utils.waitForElement('.product-price').then((price) => {",
      "  price.style.color = '#0a7d3b';",
      '});',
      '',
    ].join('\n'),
    'variations/e2e-vscode-closed.js': ['// brandsafe-page: home', "document.querySelector('.hero-unknown').remove();", ''].join('\n'),
  },
};
