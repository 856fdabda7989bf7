// What the VS Code suite opens and expects, in a copy of examples/northwind. `files` are written
// into the copy first (a variation that is never opened, for checkWorkspace to find).
export const CASE = {
  brandName: 'Northwind Outfitters',
  // An example variation as it is in examples/northwind, and one the suite writes.
  file: 'variations/pdp-price-polling.js',
  closedFile: 'variations/e2e-vscode-closed.js',
  expectCode: 'brand/unapproved-selector',
  fixTitle: 'Replace with approved selector .pdp__price',
  files: {
    'variations/e2e-vscode-closed.js': ['// brandsafe-page: home', "document.querySelector('.hero-unknown').remove();", ''].join('\n'),
  },
};
